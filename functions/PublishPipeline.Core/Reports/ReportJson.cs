using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PublishPipeline.Reports;

/// <summary>Reads and writes the JSON contract (shared/spec/REPORT-JSON.md): ASCII snake_case keys, cells as number | null | string.</summary>
public static class ReportJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions(indented: true);

    public static JsonSerializerOptions CompactOptions { get; } = CreateOptions(indented: false);

    public static string Serialize(ReportDocument document, bool indented = true) =>
        JsonSerializer.Serialize(document, indented ? Options : CompactOptions);

    public static byte[] SerializeToUtf8(ReportDocument document, bool indented = true) =>
        JsonSerializer.SerializeToUtf8Bytes(document, indented ? Options : CompactOptions);

    public static ReportDocument Deserialize(string json) =>
        JsonSerializer.Deserialize<ReportDocument>(json, Options) ?? throw new JsonException("empty JSON document");

    public static ReportDocument Deserialize(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize<ReportDocument>(utf8Json, Options) ?? throw new JsonException("empty JSON document");

    private static JsonSerializerOptions CreateOptions(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            WriteIndented = indented,
            // Chinese stays readable in the open-data files; the JSON is never embedded in HTML unescaped.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            NumberHandling = JsonNumberHandling.Strict,
            TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver
            {
                Modifiers = { OmitAbsent },
            },
        };
        options.Converters.Add(new CellValueConverter());
        options.MakeReadOnly();
        return options;
    }

    /// <summary>
    /// Tables, rows and location parts that a document does not contain are absent from the JSON, not null;
    /// report metadata (year, agency, …) is always written, as null when unknown.
    /// </summary>
    private static void OmitAbsent(System.Text.Json.Serialization.Metadata.JsonTypeInfo info)
    {
        if (info.Type != typeof(ReportTables) && info.Type != typeof(FindingLocation) && info.Type != typeof(Finding) && info.Type != typeof(UnreadRow))
        {
            return;
        }

        foreach (var property in info.Properties)
        {
            if (property.PropertyType.IsValueType && Nullable.GetUnderlyingType(property.PropertyType) is null)
            {
                continue;
            }

            property.ShouldSerialize = static (_, value) => value is not null;
        }
    }

    private sealed class CellValueConverter : JsonConverter<CellValue>
    {
        public override bool HandleNull => true;

        public override CellValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType switch
            {
                JsonTokenType.Null => CellValue.Blank,
                JsonTokenType.Number => CellValue.Of(reader.GetDecimal()),
                JsonTokenType.String => CellValue.OfText(reader.GetString()!),
                _ => throw new JsonException($"a table cell must be a number, null or a string, not {reader.TokenType}"),
            };

        public override void Write(Utf8JsonWriter writer, CellValue value, JsonSerializerOptions options)
        {
            switch (value.Kind)
            {
                case CellKind.Number:
                    writer.WriteNumberValue(value.Number);
                    break;
                case CellKind.Text:
                    writer.WriteStringValue(value.Raw);
                    break;
                default:
                    writer.WriteNullValue();
                    break;
            }
        }
    }
}
