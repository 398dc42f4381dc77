using System.Globalization;
using System.Text;
using PublishPipeline.Calendar;

namespace PublishPipeline.Notices;

/// <summary>Wording shared by the workflow emails (review, return, approval, withdrawal, reminders, alerts).</summary>
internal static class WorkflowWording
{
    /// <summary>"2026年青山街道办事处政府信息公开工作年度报告（第 2 版）".</summary>
    public static string VersionedReportName(string agencyName, int year, int version) =>
        $"{ValidationWording.ReportName(agencyName, year)}（第 {version} 版）";

    public static string Version(int version) => $"第 {version} 版";

    /// <summary>"2027年1月5日 09:30（北京时间）".</summary>
    public static string BeijingTime(DateTimeOffset instant) => $"{ChinaTime.FormatDateTime(instant)}（北京时间）";

    /// <summary>"2027年1月31日": a calendar date, already a Beijing date, so no conversion.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    /// <summary>
    /// Free text typed by a person (comments, reasons) or taken from an exception, as lines: every kind of line break
    /// (CRLF, CR, LF, U+2028/9) splits, other control characters become spaces, and blank lines at either end go.
    /// The HTML shows the lines separated by &lt;br&gt; with each line escaped by Razor, so the text never becomes markup.
    /// </summary>
    public static IReadOnlyList<string> Lines(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var lines = new List<string>();
        var line = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch is '\r' or '\n' or '\u2028' or '\u2029' or '\u0085')
            {
                lines.Add(line.ToString().TrimEnd());
                line.Clear();
                if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else
            {
                line.Append(char.IsControl(ch) ? ' ' : ch);
            }
        }

        lines.Add(line.ToString().TrimEnd());
        var first = lines.FindIndex(l => l.Length > 0);
        var last = lines.FindLastIndex(l => l.Length > 0);
        return lines.GetRange(first, last - first + 1);
    }

    /// <summary>The plain-text body quotes free text indented, so it reads as quoted and not as the system's words.</summary>
    public static void AppendQuoted(StringBuilder text, IReadOnlyList<string> lines, string whenEmpty)
    {
        if (lines.Count == 0)
        {
            text.Append("  ").AppendLine(whenEmpty);
            return;
        }

        foreach (var line in lines)
        {
            text.Append("  ").AppendLine(line);
        }
    }

    /// <summary>Starts a plain-text body with the greeting and the headline paragraph.</summary>
    public static StringBuilder StartText(string headline) =>
        new StringBuilder(1024).AppendLine("您好：").AppendLine().AppendLine(headline).AppendLine();

    public static string EndText(StringBuilder text) => text.AppendLine().AppendLine(ValidationWording.AutomaticNote).ToString();

    public static void AppendFact(StringBuilder text, string label, string value) => text.Append(label).Append('：').AppendLine(value);
}
