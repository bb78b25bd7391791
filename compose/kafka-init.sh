#!/usr/bin/env bash
# One-shot topic setup for docker-compose.yml (service kafka-init), the same topics and partition counts as the
# embedded launcher (launcher KafkaTopics, docs/runtime.md). Creates what is missing, adds partitions where a
# topic has fewer than wanted (Kafka cannot take partitions away), and prints the result. Safe to run again.
#
#   kafka-init.sh [BOOTSTRAP]        BOOTSTRAP defaults to $KAFKA_BOOTSTRAP_SERVERS, then kafka:9092
#   KAFKA_BIN=/opt/kafka/bin         where kafka-topics.sh lives (the apache/kafka image's place by default)
set -euo pipefail

bootstrap=${1:-${KAFKA_BOOTSTRAP_SERVERS:-kafka:9092}}
topics_sh="${KAFKA_BIN:-/opt/kafka/bin}/kafka-topics.sh"

# topic name -> partitions. Keyed by patient id, so 6 partitions let 6 consumers share the work in order.
declare -A wanted=(
  [clinic.intake]=6
  [clinic.scheduling]=6
  [clinic.session]=6
  [intake-service.dlt]=1
  [scheduling-service.dlt]=1
  [session-service.dlt]=1
)
# Replication 1: one broker here. Beyond one machine: 3 with min.insync.replicas=2 (docs/runtime.md).
replication=${KAFKA_TOPIC_REPLICATION:-1}

for topic in "${!wanted[@]}"; do
  "$topics_sh" --bootstrap-server "$bootstrap" --create --if-not-exists \
    --topic "$topic" --partitions "${wanted[$topic]}" --replication-factor "$replication"
done

# One describe for all topics; its summary lines read "Topic: NAME ... PartitionCount: N ...".
described=$("$topics_sh" --bootstrap-server "$bootstrap" --describe --exclude-internal)
status=0
for topic in "${!wanted[@]}"; do
  have=$(awk -v t="$topic" '$1 == "Topic:" && $2 == t { for (i = 3; i < NF; i++) if ($i == "PartitionCount:") print $(i + 1) }' <<<"$described")
  if [[ -z $have ]]; then
    echo "kafka-init: topic $topic is missing after create" >&2
    status=1
  elif (( have < wanted[$topic] )); then
    echo "kafka-init: $topic has $have partitions, raising to ${wanted[$topic]}"
    "$topics_sh" --bootstrap-server "$bootstrap" --alter --topic "$topic" --partitions "${wanted[$topic]}"
  else
    echo "kafka-init: $topic ready with $have partitions"
  fi
done
exit $status
