using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using PublishPipeline.Reports;
using PublishPipeline.Submissions;

namespace PublishPipeline.IntegrationTests.Site.Fixture;

/// <summary>
/// Writes the input of a folder build (<c>pubpipe site build --input DIR --agencies CSV</c>): one contract document per
/// live report at <c>{year}/{agency}.json</c> with its publication facts in a top-level <c>"publication"</c> member,
/// each earlier version of a corrected report at <c>{year}/{agency}.v{n}.json</c>, and the agency directory as CSV.
/// </summary>
public static class TestSiteInput
{
    public static int Write(string inputDirectory, string agenciesCsv)
    {
        var documents = 0;
        foreach (var key in TestSitePlan.LiveReports)
        {
            var agency = TestSitePlan.Agency(key.AgencyId);
            var folder = Path.Combine(inputDirectory, key.Year.ToString(CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            var publishedAt = TestSitePlan.PublishedAt(key);
            JsonObject publication;
            if (TestSitePlan.IsCorrected(key))
            {
                var correctedAt = TestSitePlan.CorrectedAt(key);
                publication = Publication(agency, correctedAt, version: 2);
                publication["first_published_at"] = Timestamp(publishedAt);
                publication["earlier_versions"] = new JsonArray(new JsonObject
                {
                    ["version"] = 1,
                    ["published_at"] = Timestamp(publishedAt),
                    ["replaced_at"] = Timestamp(correctedAt),
                });
                publication["correction_note"] = key.AgencyId == TestSitePlan.HostileAgencyId
                    ? HostileText.Around("更正说明")
                    : TestSitePlan.CorrectionNote;

                var earlier = Publication(agency, publishedAt, version: 1);
                WriteDocument(Path.Combine(folder, $"{key.AgencyId}.v1.json"), TestReportFactory.Create(key, 1), earlier);
                documents++;
            }
            else
            {
                publication = Publication(agency, publishedAt, version: 1);
            }

            WriteDocument(Path.Combine(folder, $"{key.AgencyId}.json"), TestReportFactory.Create(key), publication);
            documents++;
        }

        WriteAgencies(agenciesCsv);
        return documents;
    }

    /// <summary>The directory in the format <c>pubpipe agencies import</c> reads, checked by the same reader.</summary>
    private static void WriteAgencies(string path)
    {
        var agencies = TestSitePlan.Agencies.Select(a => new Agency
        {
            RowKey = a.Id,
            Name = a.Name,
            Region = a.Region,
            Level = a.Level,
            SupervisingOffice = a.Region.Split('/')[0] + "人民政府办公厅（政务公开办）",
            Submitters = $"submitter@{a.Id}.example",
            AutoPublish = true,
        }).ToList();
        using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        {
            AgencyCsv.Write(agencies, writer);
        }

        var check = AgencyCsv.Read(File.ReadAllBytes(path));
        if (!check.IsValid)
        {
            throw new InvalidOperationException("the test agency directory does not read back: " + string.Join("; ", check.Errors));
        }
    }

    private static JsonObject Publication(TestAgency agency, DateTimeOffset publishedAt, int version) => new()
    {
        ["agency_id"] = agency.Id,
        ["region"] = agency.Region,
        ["published_at"] = Timestamp(publishedAt),
        ["version"] = version,
    };

    private static void WriteDocument(string path, ReportDocument document, JsonObject publication)
    {
        document.Summarise();
        var json = JsonNode.Parse(ReportJson.Serialize(document))!.AsObject();
        json["publication"] = publication;
        File.WriteAllText(path, json.ToJsonString(ReportJson.Options), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    private static string Timestamp(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
