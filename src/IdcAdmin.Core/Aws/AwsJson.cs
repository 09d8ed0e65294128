using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IdcAdmin.Core.Aws;

/// <summary>Serializer settings of the AWS JSON 1.1 protocol: members as named in the model, nulls omitted, epoch-second timestamps.</summary>
public static class AwsJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var o = new JsonSerializerOptions
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            PropertyNameCaseInsensitive = false,
        };
        o.Converters.Add(new EpochSecondsConverter());
        return o;
    }

    /// <summary>JSON 1.1 timestamps are seconds since the epoch as a (possibly fractional) number.</summary>
    private sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Number)
                return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(reader.GetDouble() * 1000));
            if (reader.TokenType == JsonTokenType.String && DateTimeOffset.TryParse(reader.GetString(), out var parsed))
                return parsed;
            throw new JsonException("Expected an epoch-seconds timestamp.");
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(value.ToUnixTimeMilliseconds() / 1000.0);
    }
}
