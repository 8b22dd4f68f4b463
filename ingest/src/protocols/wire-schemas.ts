import protobuf from 'protobufjs';

/*
 * The protobuf messages the push endpoints read, declared in proto syntax and
 * decoded by protobufjs (no hand-written wire parser). Only the fields we read
 * are declared: protobuf skips unknown fields, so newer senders (exemplars,
 * histograms, metadata in remote-write; exemplars and histograms in OTLP)
 * decode fine. Field numbers and types are those of the official files —
 * Prometheus `prompb/types.proto` + `prompb/remote.proto` (the remote-write
 * 1.0 spec) and OpenTelemetry `opentelemetry/proto/{common,resource,metrics,
 * collector/metrics}/v1/*.proto` (OTLP 1.x), both Apache-2.0 — which we do not
 * vendor: a subset declared here keeps the gogoproto imports and the
 * thousands of comment lines out of the build, and the tests decode what the
 * real Prometheus server and the official OpenTelemetry JS exporter send.
 */
const REMOTE_WRITE_PROTO = `
syntax = "proto3";
package prometheus;
message WriteRequest { repeated TimeSeries timeseries = 1; }
message TimeSeries { repeated Label labels = 1; repeated Sample samples = 2; }
message Label { string name = 1; string value = 2; }
message Sample { double value = 1; int64 timestamp = 2; }
`;

const OTLP_METRICS_PROTO = `
syntax = "proto3";
package opentelemetry.proto;
message AnyValue {
  oneof value {
    string string_value = 1; bool bool_value = 2; int64 int_value = 3; double double_value = 4;
    ArrayValue array_value = 5; KeyValueList kvlist_value = 6; bytes bytes_value = 7;
  }
}
message ArrayValue { repeated AnyValue values = 1; }
message KeyValueList { repeated KeyValue values = 1; }
message KeyValue { string key = 1; AnyValue value = 2; }
message Resource { repeated KeyValue attributes = 1; uint32 dropped_attributes_count = 2; }
message InstrumentationScope { string name = 1; string version = 2; repeated KeyValue attributes = 3; }
message ExportMetricsServiceRequest { repeated ResourceMetrics resource_metrics = 1; }
message ResourceMetrics { Resource resource = 1; repeated ScopeMetrics scope_metrics = 2; string schema_url = 3; }
message ScopeMetrics { InstrumentationScope scope = 1; repeated Metric metrics = 2; string schema_url = 3; }
message Metric {
  string name = 1; string description = 2; string unit = 3;
  oneof data { Gauge gauge = 5; Sum sum = 7; Histogram histogram = 9; ExponentialHistogram exponential_histogram = 10; Summary summary = 11; }
}
message Gauge { repeated NumberDataPoint data_points = 1; }
message Sum { repeated NumberDataPoint data_points = 1; int32 aggregation_temporality = 2; bool is_monotonic = 3; }
message Histogram { int32 aggregation_temporality = 2; }
message ExponentialHistogram { int32 aggregation_temporality = 2; }
message Summary { }
message NumberDataPoint {
  repeated KeyValue attributes = 7; fixed64 start_time_unix_nano = 2; fixed64 time_unix_nano = 3;
  oneof value { double as_double = 4; sfixed64 as_int = 6; }
  uint32 flags = 8;
}
message ExportMetricsServiceResponse { ExportMetricsPartialSuccess partial_success = 1; }
message ExportMetricsPartialSuccess { int64 rejected_data_points = 1; string error_message = 2; }
`;

const remoteWrite = protobuf.parse(REMOTE_WRITE_PROTO, { keepCase: true }).root;
// OTLP/JSON uses lowerCamelCase field names, which is protobufjs's default naming.
const otlp = protobuf.parse(OTLP_METRICS_PROTO).root;

export const WriteRequestType = remoteWrite.lookupType('prometheus.WriteRequest');
export const ExportMetricsRequestType = otlp.lookupType('opentelemetry.proto.ExportMetricsServiceRequest');
export const ExportMetricsResponseType = otlp.lookupType('opentelemetry.proto.ExportMetricsServiceResponse');

/** int64/fixed64 as decimal strings (exact; nanosecond times exceed 2^53), enums as numbers. */
export const AS_PLAIN_OBJECT: protobuf.IConversionOptions = {
  longs: String,
  enums: Number,
  defaults: false,
  oneofs: true,
};
