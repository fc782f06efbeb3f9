#!/usr/bin/env sh
# Makes the JDK's ahead-of-time cache (JDK 25, JEP 483/514/515) for the packaged jar, so that the server
# starts with its classes already loaded and linked (docs/benchmarks.md, "Start-up", has what it saves):
#   build/aot-cache.sh JAR DIR   ->  DIR/keyhole.jar (+ DIR/lib/) and DIR/keyhole.aot
# then run:  java -XX:AOTCache=DIR/keyhole.aot -jar DIR/keyhole.jar
# A cache is used only with the JVM that made it and the same jar paths (a stale one is ignored with a
# warning, never fatal). The training run is Spring Boot's: the application starts on a throwaway H2
# database and stops once its context is refreshed (spring.context.exit=onRefresh).
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
"$java" -XX:AOTCacheOutput="$dir/keyhole.aot" -Dspring.context.exit=onRefresh \
  -Djava.io.tmpdir="$training/tmp" -Xlog:aot=error,cds=error \
  -jar "$dir/keyhole.jar" --server.address=127.0.0.1 --server.port=0 \
  --keyhole.data-dir="$training/data" --logging.level.root=WARN >"$training/training.log" 2>&1 || {
  cat "$training/training.log" >&2
  exit 1
}
echo "AOT cache written: $dir/keyhole.aot"
