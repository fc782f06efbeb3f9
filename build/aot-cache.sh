#!/usr/bin/env sh
# Makes the JDK's ahead-of-time cache (JDK 25, JEP 483/514/515) for the packaged jar, so that the server
# starts with its classes already loaded and linked (docs/benchmarks.md, "Start-up", has what it saves):
#   build/aot-cache.sh JAR DIR   ->  DIR/keyhole.jar (+ DIR/lib/) and DIR/keyhole.aot
# then run:  java -XX:AOTCache=DIR/keyhole.aot --enable-native-access=ALL-UNNAMED -Dspring.aot.enabled=true \
#              -jar DIR/keyhole.jar
# -Dspring.aot.enabled=true starts with the bean definitions Spring AOT made when the jar was built (ADR 0028);
# the training run has it too, so that the cache holds the classes such a start loads.
# A cache is used only with the JVM that made it, the same jar paths and the same module options: the
# training run below has --enable-native-access like every start (the jar's manifest grants the same, but
# a start that also gave the option on its command line would find the cache made without it and ignore
# it, with nothing but an error line of -Xlog:aot). A stale or foreign cache is ignored, never fatal.
# The training run serves: the application starts on a throwaway H2 database, asks itself for a few pages
# once it is ready (dev.keyhole.web.AotTrainingRun) and ends, so the cache also holds what the first
# requests need (Tomcat's connector, the filter chain, Vaadin's bootstrap page), not only the context.
set -eu
jar=$1
dir=$2
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
# Only what an earlier run made is replaced (DIR may hold other files, e.g. application.properties).
rm -rf "$dir/lib" "$dir/keyhole.jar" "$dir/keyhole.aot"
mkdir -p "$dir"
# Class-path jars instead of the nested ones: the cache cannot hold classes loaded from jars in a jar.
"$java" -Djarmode=tools -jar "$jar" extract --force --destination "$dir" --application-filename keyhole.jar
training=$(mktemp -d)
trap 'rm -rf "$training"' EXIT
mkdir -p "$training/tmp"
"$java" -XX:AOTCacheOutput="$dir/keyhole.aot" --enable-native-access=ALL-UNNAMED -Dspring.aot.enabled=true \
  -Djava.io.tmpdir="$training/tmp" -Xlog:aot=error,cds=error \
  -jar "$dir/keyhole.jar" --keyhole.aot-training=true --server.address=127.0.0.1 --server.port=0 \
  --keyhole.data-dir="$training/data" --logging.level.root=WARN >"$training/training.log" 2>&1 || {
  cat "$training/training.log" >&2
  exit 1
}
echo "AOT cache written: $dir/keyhole.aot"
