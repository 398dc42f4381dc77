using System.Security.Cryptography;
using PublishPipeline.Reading;
using PublishPipeline.Reports;
using PublishPipeline.Validation;

namespace PublishPipeline.Checking;

/// <summary>Read a draft, validate it when it is readable, and wrap both in the JSON contract's document.</summary>
public sealed class DraftChecker
{
    private readonly DraftReader reader;
    private readonly ReportValidator validator;

    public DraftChecker()
        : this(new DraftReader(), new ReportValidator())
    {
    }

    public DraftChecker(DraftReader reader, ReportValidator validator)
    {
        this.reader = reader;
        this.validator = validator;
    }

    public DraftCheck Check(string fileName, ReadOnlyMemory<byte> content) => Check(fileName, content, null);

    /// <summary>With <paramref name="inputs"/> (e.g. last year's report) the cross-year rules run too.</summary>
    public DraftCheck Check(string fileName, ReadOnlyMemory<byte> content, ValidationInputs? inputs)
    {
        var read = reader.Read(fileName, content);
        var findings = new List<Finding>(read.Findings);
        if (!read.Unreadable && read.Report is not null)
        {
            findings.AddRange(validator.Validate(read.Report, inputs));
        }

        var document = new ReportDocument
        {
            Source = new ReportSource
            {
                File = Path.GetFileName(fileName),
                Format = read.Format,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(content.Span)),
            },
            Report = read.Report ?? new Report(),
            Findings = findings,
        };
        document.Summarise();

        var exitCode = read.Unreadable ? DraftCheck.UnreadableCode
            : document.Summary.Errors > 0 ? DraftCheck.HasErrorsCode
            : DraftCheck.Clean;
        return new DraftCheck(document, exitCode);
    }
}
