using System.Text;
using PublishPipeline.Checking;
using PublishPipeline.Reports;
using PublishPipeline.Tests.Validation;
using PublishPipeline.Validation;

namespace PublishPipeline.Tests.Reading.Forms;

/// <summary>The outcome of one report in one form: not applicable, or the differences from the reference (none = pass).</summary>
internal sealed record FormOutcome(string Form, string Report, bool Applicable, IReadOnlyList<string> Differences)
{
    public bool Passed => Applicable && Differences.Count == 0;
}

/// <summary>
/// Reads a report and its form through the real check (DraftChecker, with the inputs the agency directory gives) and
/// lists what differs: exit code, template, every cell of tables 二–四 (blank stays blank), and the findings as
/// rule + severity + the row/column they name, leaving out the rules that name the form.
/// </summary>
internal static class FormComparison
{
    private static readonly DraftChecker Checker = new();

    public static FormOutcome Compare(RepublishedForm form, SourceReport source)
    {
        var rendered = form.Render(source);
        if (rendered is null)
        {
            return new FormOutcome(form.Name, source.Name, false, []);
        }

        var inputs = CorpusOutcomeTests.Directory.GetValueOrDefault(source.Name) ?? ValidationInputs.None;
        var reference = form.Reference(source);
        var expected = Checker.Check(reference.FileName, reference.Content, inputs);
        var actual = Checker.Check(rendered.FileName, rendered.Content, inputs);

        var differences = new List<string>();
        var (expectedExit, actualExit) = (ExitWithout(form, expected), ExitWithout(form, actual));
        if (expectedExit != actualExit)
        {
            differences.Add($"exit {expectedExit}→{actualExit}");
        }

        var (before, after) = (expected.Document.Report, actual.Document.Report);
        if (before?.Template != after?.Template)
        {
            differences.Add($"template {before?.Template ?? "none"}→{after?.Template ?? "none"}");
        }

        differences.AddRange(CellDifferences(Cells(before?.Tables), Cells(after?.Tables)));
        differences.AddRange(FindingDifferences(form, expected.Findings, actual.Findings, mustFire: !expected.IsUnreadable));
        return new FormOutcome(form.Name, source.Name, true, differences);
    }

    /// <summary>
    /// Every cell by its address ("requests/r1[6]"), as it reads: a number, "空白", or the text in simplified characters
    /// (a text cell keeps what a mirror printed, 減4 for 减4; its reading is what is compared).
    /// </summary>
    public static SortedDictionary<string, string> Cells(ReportTables? tables)
    {
        var cells = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (tables is null)
        {
            return cells;
        }

        foreach (var (item, rows) in tables.Proactive ?? [])
        {
            foreach (var (row, values) in rows)
            {
                Add($"proactive/{item}/{row}", values);
            }
        }

        foreach (var (row, values) in tables.Requests ?? [])
        {
            Add($"requests/{row}", values);
        }

        foreach (var (group, values) in tables.ReviewLitigation ?? [])
        {
            Add($"review/{group}", values);
        }

        return cells;

        void Add(string address, List<CellValue> values)
        {
            for (var i = 0; i < values.Count; i++)
            {
                cells[$"{address}[{i}]"] = ChineseConversion.Simplify(values[i].Display);
            }
        }
    }

    private static IEnumerable<string> CellDifferences(SortedDictionary<string, string> expected, SortedDictionary<string, string> actual)
    {
        var missing = expected.Keys.Where(k => !actual.ContainsKey(k)).ToList();
        var extra = actual.Keys.Where(k => !expected.ContainsKey(k)).ToList();
        if (missing.Count > 0)
        {
            yield return $"{missing.Count} cells lost ({Rows(missing)})";
        }

        if (extra.Count > 0)
        {
            yield return $"{extra.Count} cells extra ({Rows(extra)})";
        }

        foreach (var (address, value) in expected)
        {
            if (actual.TryGetValue(address, out var other) && other != value)
            {
                yield return $"{address} {value}→{other}";
            }
        }
    }

    private static string Rows(IEnumerable<string> addresses) =>
        string.Join(", ", addresses.Select(a => a[..a.IndexOf('[', StringComparison.Ordinal)]).Distinct().Take(6));

    /// <summary>The exit code the findings give once the rules that name the form are left out.</summary>
    private static int ExitWithout(RepublishedForm form, DraftCheck check) =>
        check.IsUnreadable ? DraftCheck.UnreadableCode
        : check.Findings.Any(f => f.Severity == Severity.Error && !form.NamedRules.Contains(f.Rule)) ? DraftCheck.HasErrorsCode
        : DraftCheck.Clean;

    private static IEnumerable<string> FindingDifferences(RepublishedForm form, IReadOnlyList<Finding> expected, IReadOnlyList<Finding> actual, bool mustFire)
    {
        var before = Keys(form, expected);
        var after = Keys(form, actual);
        foreach (var key in before.Except(after))
        {
            yield return "lost " + key;
        }

        foreach (var key in after.Except(before))
        {
            yield return "new " + key;
        }

        // A document that is not a report (A0) gets no other finding, in any form.
        foreach (var rule in form.MustFire.Where(r => mustFire && !actual.Any(f => f.Rule == r)))
        {
            yield return rule + " did not fire";
        }
    }

    /// <summary>"C1:Error@requests r1/total" for each finding (a multiset: the same finding twice counts twice).</summary>
    private static List<string> Keys(RepublishedForm form, IReadOnlyList<Finding> findings)
    {
        var keys = new List<string>();
        foreach (var group in findings.Where(f => !form.NamedRules.Contains(f.Rule))
            .Select(f => $"{f.Rule}:{f.Severity}" + (f.Location is { } at ? $"@{at.Table} {at.Row}/{at.Column} {at.Section}".TrimEnd() : ""))
            .GroupBy(k => k, StringComparer.Ordinal))
        {
            var n = 0;
            foreach (var key in group)
            {
                keys.Add(++n == 1 ? key : $"{key} #{n}");
            }
        }

        return keys;
    }
}
