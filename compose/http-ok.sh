#!/usr/bin/env bash
# Health probe for containers that have bash but no curl or wget (Keycloak's image has neither, and the
# Temurin images drop them over time). Speaks just enough HTTP/1.0 over bash's /dev/tcp.
#
#   http-ok.sh PORT [PATH]   exit 0 when http://127.0.0.1:PORT/PATH answers 2xx, 1 otherwise
#
# Spring Boot's /actuator/health and Keycloak's /health/ready answer 200 when up and 503 when down,
# so the status line alone decides.
set -u
port=${1:?usage: http-ok.sh PORT [PATH]}
path=${2:-/}
{ exec 3<>"/dev/tcp/127.0.0.1/${port}"; } 2>/dev/null || { echo "nothing listens on 127.0.0.1:${port}"; exit 1; }
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' "${path}" >&3
IFS=' ' read -r -t 5 _ status _ <&3 || { echo "no answer from 127.0.0.1:${port}${path}"; exit 1; }
# Read the rest, so the server is not left writing into a reset connection.
while IFS= read -r -t 5 _ <&3; do :; done
exec 3<&-
[[ ${status} == 2[0-9][0-9] ]] || { echo "127.0.0.1:${port}${path} answered ${status}"; exit 1; }
