# Sourced by the launchers in scripts/: builds the project when its sources changed and prints
# the runtime class path (target/classes + dependencies), cached until pom.xml changes.
# Run from the project root.
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
