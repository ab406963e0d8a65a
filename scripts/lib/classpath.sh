# Sourced by the launchers in scripts/: builds the project when its sources changed and prints
# the runtime class path (target/classes + the dependencies of scope compile and runtime: not
# JUnit's, which main code does not use), cached until pom.xml changes.
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
  if [ ! -f target/runtime-classpath.txt ] || [ pom.xml -nt target/runtime-classpath.txt ]; then
    echo "resolving the class path ..." >&2
    mvn -q -B dependency:build-classpath -DincludeScope=runtime \
      -Dmdep.outputFile=target/runtime-classpath.txt >&2
    touch target/runtime-classpath.txt  # the plugin keeps an unchanged file (and its old date)
  fi
  if [ ! -f "$stamp" ] || [ ! -f target/launcher/sgema.jar ] \
      || [ -n "$(find src/main pom.xml -newer "$stamp" -print -quit)" ]; then
    echo "compiling ..." >&2
    mvn -q -B compile >&2
    mkdir -p target/launcher
    rm -f target/launcher/sgema.jsa
    jar --create --file target/launcher/sgema.jar -C target/classes .
    touch "$stamp"
  fi
  local cp="$PWD/target/launcher/sgema.jar:$(cat target/runtime-classpath.txt)"
  if [ ! -f target/launcher/sgema.jsa ] || [ target/runtime-classpath.txt -nt target/launcher/sgema.jsa ]; then
    sgema_class_archive "$cp"
  fi
  echo "$cp"
}

# Class-data sharing (the JDK's AppCDS, a static archive): the classes a typical command loads
# (picocli, Jackson, the model, the flows, the integrators, the limit analysis, and the JDK's own),
# parsed and verified once and mapped from target/launcher/sgema.jsa at every later start. Two steps
# after each compilation: a short training run of `integrate` lists the classes it loads, then
# -Xshare:dump writes them. A static archive, unlike the dynamic one (-XX:ArchiveClassesAtExit),
# also holds classes compiled for Java 5, as picocli's are (about 35-55 ms of a short command on
# 2 cores, see the README's "Speed"). Only a jar class path
# can be archived, hence target/launcher/sgema.jar (a copy of target/classes, rebuilt with it). A
# run whose archive does not match its class path ignores it; when the JVM cannot write one, the
# launchers run without it.
sgema_class_archive() {
  local dir=target/launcher
  local tmp=$dir/training.$$
  mkdir -p "$tmp"
  touch "$tmp/started"
  printf '%s\n' '{"n": 3, "m": 2, "S": [[1.0, 0.2, 0.0], [0.2, 0.8, 0.1], [0.0, 0.1, 0.5]],' \
    ' "N": [[0.3, 0.0, 0.0], [0.0, 0.3, 0.0], [0.0, 0.0, 0.3]], "tau": 0.5}' > "$tmp/config.json"
  printf '%s\n' '{"A": [[0.4, 0.1], [-0.2, 0.3]], "B": [[0.3, -0.1, 0.2], [0.1, 0.25, -0.3]]}' > "$tmp/state.json"
  # -Dsgema.warmup=0: the tiny training field switches to the Vector API kernels at once, so that
  # their classes are archived too (a short run of a small field never loads them; a long one does)
  # shellcheck disable=SC2086
  if java -Djava.awt.headless=true $SGEMA_JAVA_OPTS -Dsgema.warmup=0 -XX:DumpLoadedClassList="$tmp/classes.lst" \
      -cp "$1" org.sgema.cli.Sgema integrate --config "$tmp/config.json" \
      --state "$tmp/state.json" --flow ema --t-max 200 > /dev/null 2>&1 \
      && java $SGEMA_JAVA_OPTS -Xshare:dump -XX:SharedClassListFile="$tmp/classes.lst" \
      -XX:SharedArchiveFile="$tmp/sgema.jsa" -Xlog:cds=off -cp "$1" > /dev/null 2>&1 && [ -s "$tmp/sgema.jsa" ]; then
    # only for the jar it was trained on (another launcher may have rebuilt it meanwhile)
    if [ ! $dir/sgema.jar -nt "$tmp/started" ]; then
      mv -f "$tmp/sgema.jsa" $dir/sgema.jsa
    fi
  elif [ ! -s $dir/sgema.jsa ]; then
    touch $dir/sgema.jsa  # empty: no archive, until the next compilation or class-path change
  fi
  rm -rf "$tmp"
}

# The options that map the class archive when there is one (empty otherwise); call after sgema_classpath.
sgema_cds_opts() {
  if [ -s target/launcher/sgema.jsa ]; then
    echo "-XX:SharedArchiveFile=target/launcher/sgema.jsa -Xlog:cds=off"
  fi
}

# The class path with Apache Spark (Maven profile spark: src/spark/java and Spark itself), for
# sweeps with --master; cached like the default one.
sgema_spark_classpath() {
  local stamp=target/.compiled-spark
  if [ ! -f target/spark-classpath.txt ] || [ pom.xml -nt target/spark-classpath.txt ]; then
    echo "resolving the class path with Apache Spark (first time: a download) ..." >&2
    mvn -q -B -Pspark dependency:build-classpath -DincludeScope=compile \
      -Dmdep.outputFile=target/spark-classpath.txt >&2
    touch target/spark-classpath.txt
  fi
  if [ ! -f "$stamp" ] || [ ! -d target/classes ] || [ -n "$(find src/main src/spark pom.xml -newer "$stamp" -print -quit)" ]; then
    echo "compiling with the spark profile ..." >&2
    mvn -q -B -Pspark compile >&2
    touch "$stamp"  # (not target/.compiled: the default launchers also rebuild their jar)
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
