# Sourced by ./mvnw and .ci/run. Relais builds with a JDK 21 or newer: when JAVA_HOME is unset or
# older, pick the newest JDK 21+ found on PATH or under /usr/lib/jvm and export JAVA_HOME.
relais_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/.*java\.specification\.version = //p' | cut -d. -f1
}
relais_select_jdk() {
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(relais_java_major "$JAVA_HOME/bin/java")" -ge 21 ] 2>/dev/null; then
    return 0
  fi
  best=""; best_major=0
  for home in /usr/lib/jvm/* ; do
    [ -x "$home/bin/javac" ] || continue
    major=$(relais_java_major "$home/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null && [ "$major" -gt "$best_major" ]; then best="$home"; best_major="$major"; fi
  done
  if [ -n "$best" ]; then
    JAVA_HOME="$best"; export JAVA_HOME
  fi
}
relais_select_jdk
