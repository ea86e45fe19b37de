using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AuroraBots.Schema;

/// <summary>
/// Writes channel timestamps as UTC ISO-8601 with a <c>Z</c> and millisecond precision, as the activity spec asks
/// (System.Text.Json would write <c>+00:00</c>). Reads any ISO-8601 form.
/// </summary>
public sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
}
