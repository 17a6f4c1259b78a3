# Sourced: picks a JDK >= 21 (Temurin 25 where installed) and exports JAVA_HOME and PATH.

java_major() { "$1/bin/java" -version 2>&1 | sed -nE 's/.*version "([0-9]+).*/\1/p' | head -n 1; }

pick_jdk() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] && [ "$(java_major "$candidate")" -ge 21 ] 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if ! JAVA_HOME="$(pick_jdk)"; then
  echo "No JDK 21 or newer found (looked at \$JAVA_HOME and /usr/lib/jvm/*). Install one, e.g. Temurin 25." >&2
  exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
echo "Using JDK $(java_major "$JAVA_HOME") at $JAVA_HOME"

