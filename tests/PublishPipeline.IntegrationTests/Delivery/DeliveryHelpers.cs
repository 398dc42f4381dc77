using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using PublishPipeline.Notices;
using PublishPipeline.Submissions;

namespace PublishPipeline.IntegrationTests.Delivery;

/// <summary>What the delivery tests share: waiting on an email's record, and reading the status page's email lines.</summary>
internal static class DeliveryHelpers
{
    /// <summary>Bounds every wait here: the mail faults last 30 s at most, and the queue's retries follow them.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(100);

    /// <summary>Registers an agency whose submitter's address is <paramref name="submitterLocalPart"/>-{unique}@agency.example.</summary>
    public static async Task<Agency> RegisterAgencyAsync(DevHostFixture fixture, string name, string submitterLocalPart, bool autoPublish)
    {
        var registered = await fixture.RegisterAgencyAsync(name, autoPublish: autoPublish);
        var suffix = registered.Id["it-".Length..];
        registered.Submitters = $"{submitterLocalPart}-{suffix}@agency.example";
        await fixture.Host.Services.GetRequiredService<AgencyDirectory>().UpsertAsync(registered);
        return registered;
    }

    /// <summary>Waits until the email's record satisfies <paramref name="done"/>; fails with the record as it last was.</summary>
    public static async Task<NoticeRecord> WaitForRecordAsync(DevHostFixture fixture, string submissionId, string kind, Func<NoticeRecord, bool> done, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        NoticeRecord? last = null;
        while (true)
        {
            var record = await fixture.Storage.Notices.GetEntityIfExistsAsync<NoticeRecord>(submissionId, kind);
            last = record.HasValue ? record.Value : null;
            if (last is not null && done(last))
            {
                return last;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{submissionId}/{kind} did not become {what} within {Patience.TotalSeconds} s: {Describe(last)}");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>Waits until the notices queue holds no message, visible or hidden for a retry.</summary>
    public static async Task WaitForEmptyNoticesQueueAsync(DevHostFixture fixture)
    {
        var deadline = DateTime.UtcNow + Patience;
        while ((await fixture.Storage.NoticesQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the notices queue still held messages after {Patience.TotalSeconds} s");
            }

            await Task.Delay(250);
        }
    }

    public static string Describe(NoticeRecord? record) =>
        record is null ? "no record" : $"status {record.Status}, attempts {record.Attempts}, code {record.LastStatusCode}, delivery {record.DeliveryStatus}, error {record.LastError}";

    /// <summary>The status page's email lines as a browser sees them, by notice kind: the status cell's text.</summary>
    public static async Task<IReadOnlyDictionary<string, IElement>> StatusPageEmailsAsync(DevHostFixture fixture, string submissionId, string user)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{fixture.ApiUrl}/api/submissions/{submissionId}");
        request.Headers.Add("X-Dev-User", user);
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await fixture.Http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        return page.QuerySelectorAll("#emails tr[data-notice]").ToDictionary(tr => tr.GetAttribute("data-notice")!, tr => tr);
    }

    /// <summary>The delivery status the page shows for one email.</summary>
    public static string StatusText(IElement row) => row.QuerySelector(".delivery-status")?.TextContent.Trim() ?? "";
}
