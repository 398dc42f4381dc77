using System.Globalization;
using PublishPipeline.Checking;
using PublishPipeline.Reports;
using PublishPipeline.Validation;

namespace PublishPipeline.Tests.Validation;

/// <summary>
/// A8 on the real corpus: every report submitted for the year its file is named after (the year it reports on) gets no
/// A8 finding; validated offline without the year, A8 only says 未检查; submitted for another year, each report that
/// states its year gets the one error.
/// </summary>
public class CorpusSubmittedYearTests
{
    private static readonly DraftChecker Checker = new();

    public static TheoryData<string> Files => new(Corpus.TextFiles());

    [Theory]
    [MemberData(nameof(Files))]
    public void Corpus_report_submitted_for_its_own_year_has_no_A8(string name)
    {
        var bytes = Corpus.Bytes(name);
        var offline = Checker.Check(name, bytes);
        if (offline.ExitCode == DraftCheck.UnreadableCode)
        {
            Assert.DoesNotContain(offline.Findings, f => f.Rule == "A8");
            return;
        }

        Assert.True(NotChecked.Is(Assert.Single(offline.Findings, f => f.Rule == "A8")));

        var stated = offline.Document.Report.Year;
        if (YearOfFile(name) is { } year)
        {
            Assert.DoesNotContain(Checker.Check(name, bytes, new ValidationInputs { SubmittedForYear = year }).Findings, f => f.Rule == "A8");
        }

        var other = Checker.Check(name, bytes, new ValidationInputs { SubmittedForYear = 2099 }).Findings.Where(f => f.Rule == "A8").ToList();
        if (stated is { } own)
        {
            var a8 = Assert.Single(other);
            Assert.Equal((Severity.Error, 2099m, (decimal)own), (a8.Severity, a8.Expected, a8.Actual));
        }
        else
        {
            Assert.Empty(other);
        }
    }

    /// <summary>"2021-siping-simalu-jd.txt" → 2021; "nd-xuwen-sfj.txt" (no date) → null.</summary>
    private static int? YearOfFile(string name) =>
        name.Length >= 4 && int.TryParse(name.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : null;
}
