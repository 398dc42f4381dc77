using PublishPipeline.Api;
using PublishPipeline.Notices;

namespace PublishPipeline.Tests.Api;

/// <summary>Which Event Webhook events the endpoint takes: those about delivery of an email it can name.</summary>
public sealed class EmailEventsParseTests
{
    [Fact]
    public void Delivery_events_name_their_email_by_the_notice_custom_arg()
    {
        const string payload = """
            [
              {"email":"a@x.cn","timestamp":1769565600,"event":"processed","notice":"0123456789abcdef01234567/published","sg_event_id":"1"},
              {"email":"a@x.cn","timestamp":1769565601,"event":"bounce","type":"bounce","reason":"550 5.1.1 no such user","notice":"0123456789abcdef01234567/published"},
              {"email":"b@x.cn","timestamp":1769565602,"event":"deferred","response":"421 try later","notice":"~deadline-reminder/it-1|2027|2027-01-17"}
            ]
            """;

        var events = EmailEventsApi.Parse(payload);

        Assert.Equal(3, events.Count);
        Assert.Equal(("0123456789abcdef01234567", "published"), (events[0].Partition, events[0].Row));
        Assert.Equal(new RecipientDelivery("a@x.cn", DeliveryStatus.Processed, DateTimeOffset.FromUnixTimeSeconds(1769565600), null), events[0].Delivery);
        Assert.Equal("550 5.1.1 no such user", events[1].Delivery.Reason);
        Assert.Equal(("~deadline-reminder", "it-1|2027|2027-01-17"), (events[2].Partition, events[2].Row));
        Assert.Equal("421 try later", events[2].Delivery.Reason);
    }

    [Theory]
    [InlineData("""[{"email":"a@x.cn","timestamp":1769565600,"event":"delivered"}]""")] // no notice: not ours
    [InlineData("""[{"email":"a@x.cn","timestamp":1769565600,"event":"delivered","notice":"no-slash"}]""")]
    [InlineData("""[{"email":"a@x.cn","timestamp":1769565600,"event":"unsubscribe","notice":"s/published"}]""")]
    [InlineData("""[{"email":"a@x.cn","timestamp":"1769565600","event":"delivered","notice":"s/published"}]""")]
    [InlineData("""[{"timestamp":1769565600,"event":"delivered","notice":"s/published"}]""")]
    [InlineData("""[{"email":"a@x.cn","timestamp":-5,"event":"delivered","notice":"s/published"}]""")]
    [InlineData("""[1, "delivered", null, []]""")]
    [InlineData("""[]""")]
    public void Events_that_name_no_email_or_say_nothing_about_delivery_are_skipped(string payload) =>
        Assert.Empty(EmailEventsApi.Parse(payload));

    [Theory]
    [InlineData("{}")]
    [InlineData("not json")]
    [InlineData("")]
    public void A_body_that_is_not_a_json_array_is_malformed(string payload) =>
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => EmailEventsApi.Parse(payload));
}
