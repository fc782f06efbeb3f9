# Keyhole in a container: the same ./mvnw build as the README, then only the jar on a JRE.
#   docker build -t keyhole .
#   docker run -p 8080:8080 -v keyhole-data:/data keyhole
# Settings are environment variables (KEYHOLE_PUBLIC_URL=https://keyhole.example.org) or arguments.

FROM eclipse-temurin:25-jdk AS build
# curl fetches Node from the npm registry for the frontend build (build/node.sh) when no npm is present.
RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -DskipTests package

FROM eclipse-temurin:25-jre
RUN groupadd --system keyhole && useradd --system --gid keyhole --home-dir /app keyhole \
    && mkdir -p /app /data && chown keyhole:keyhole /data
WORKDIR /app
# The JDK's ahead-of-time cache, made here by this image's own JVM (a cache works only with the JVM that
# made it): /app/keyhole.jar with its libraries in /app/lib, and /app/keyhole.aot. Start-up takes less CPU
# (docs/benchmarks.md, "Start-up").
COPY --from=build /src/target/keyhole.jar /src/build/aot-cache.sh /tmp/keyhole/
RUN sh /tmp/keyhole/aot-cache.sh /tmp/keyhole/keyhole.jar /app && rm -rf /tmp/keyhole
COPY application.properties /app/application.properties
USER keyhole
# Every account lives here (H2); mount a volume so it outlives the container.
VOLUME /data
ENV KEYHOLE_DATA_DIR=/data
EXPOSE 8080
# Native access for libsodium is granted by the jar's manifest, and given again on the command line because
# the training run in aot-cache.sh has it: with other module options the JVM ignores the cache. Spring AOT's
# bean definitions, made when the jar was built, replace the start's own configuration work (ADR 0028). The
# health endpoint is for the platform.
ENTRYPOINT ["java", "-XX:AOTCache=/app/keyhole.aot", "--enable-native-access=ALL-UNNAMED", "-Dspring.aot.enabled=true", \
    "-jar", "/app/keyhole.jar"]
