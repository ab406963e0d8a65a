# Sourced by the launchers in scripts/: builds the project when its sources changed and prints
# the runtime class path (target/classes + dependencies), cached until pom.xml changes.
# Run from the project root.

# The JVM options of every launcher: the Vector API module for the fast dense kernels (Java 17
# prints "WARNING: Using incubator modules: jdk.incubator.vector" once at start-up; without the
# module the project runs on plain-loop kernels, slower, same results to rounding), and the serial
# collector with a small young generation: the integrators allocate short-lived arrays at every
# step, which G1 turns into page faults (measured: `integrate` at (64, 16) to t = 2000 took 3.6 s
# whole-process with G1, 2.0 s with these options).
SGEMA_JAVA_OPTS="--add-modules jdk.incubator.vector -XX:+UseSerialGC -Xmn32m"
sgema_classpath() {
  local stamp=target/.compiled
  if [ ! -f target/classpath.txt ] || [ pom.xml -nt target/classpath.txt ]; then
    echo "resolving the class path ..." >&2
    mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >&2
    touch target/classpath.txt  # the plugin keeps an unchanged file (and its old date)
  fi
  if [ ! -f "$stamp" ] || [ ! -d target/classes ] || [ -n "$(find src/main pom.xml -newer "$stamp" -print -quit)" ]; then
    echo "compiling ..." >&2
    mvn -q -B compile >&2
    touch "$stamp"
  fi
  echo "$PWD/target/classes:$(cat target/classpath.txt)"
}

# The class path with Apache Spark (Maven profile spark: src/spark/java and Spark itself), for
# sweeps with --master; cached like the default one.
sgema_spark_classpath() {
  local stamp=target/.compiled-spark
  if [ ! -f target/spark-classpath.txt ] || [ pom.xml -nt target/spark-classpath.txt ]; then
    echo "resolving the class path with Apache Spark (first time: a download) ..." >&2
    mvn -q -B -Pspark dependency:build-classpath -Dmdep.includeScope=compile \
      -Dmdep.outputFile=target/spark-classpath.txt >&2
    touch target/spark-classpath.txt
  fi
  if [ ! -f "$stamp" ] || [ ! -d target/classes ] || [ -n "$(find src/main src/spark pom.xml -newer "$stamp" -print -quit)" ]; then
    echo "compiling with the spark profile ..." >&2
    mvn -q -B -Pspark compile >&2
    touch "$stamp" target/.compiled
  fi
  echo "$PWD/target/classes:$(cat target/spark-classpath.txt)"
}

# JVM options Spark needs on Java 17 (the module openings its own launcher adds)
SGEMA_SPARK_JAVA_OPTS="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
--add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
--add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
--add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
--add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED \
--add-opens=java.base/sun.util.calendar=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false"
