using PublishPipeline.Notices;

namespace PublishPipeline.Tests.Notices;

public sealed class DeliveryStatusTests
{
    private static readonly DateTimeOffset T0 = new(2027, 1, 28, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("processed", DeliveryStatus.Processed)]
    [InlineData("deferred", DeliveryStatus.Deferred)]
    [InlineData("delivered", DeliveryStatus.Delivered)]
    [InlineData("open", DeliveryStatus.Opened)]
    [InlineData("click", DeliveryStatus.Opened)]
    [InlineData("bounce", DeliveryStatus.Bounced)]
    [InlineData("blocked", DeliveryStatus.Bounced)]
    [InlineData("dropped", DeliveryStatus.Dropped)]
    [InlineData("spamreport", DeliveryStatus.SpamReport)]
    public void Each_delivery_event_maps_to_its_status(string type, string status) =>
        Assert.Equal(status, DeliveryStatus.FromEvent(type));

    [Theory]
    [InlineData("unsubscribe")]
    [InlineData("group_unsubscribe")]
    [InlineData("group_resubscribe")]
    [InlineData("Delivered")]
    [InlineData("")]
    [InlineData(null)]
    public void Events_that_say_nothing_about_delivery_map_to_nothing(string? type) =>
        Assert.Null(DeliveryStatus.FromEvent(type));

    [Fact]
    public void The_latest_event_wins_whatever_order_they_arrive_in()
    {
        RecipientDelivery[] events =
        [
            new("a@x.cn", DeliveryStatus.Processed, T0, null),
            new("a@x.cn", DeliveryStatus.Deferred, T0.AddSeconds(5), "421 try later"),
            new("a@x.cn", DeliveryStatus.Delivered, T0.AddSeconds(60), null),
        ];

        foreach (var order in Permutations(events))
        {
            var record = new NoticeRecord();
            RecipientDeliveries.Apply(record, order.Take(1));
            RecipientDeliveries.Apply(record, order.Skip(1));
            Assert.Equal(DeliveryStatus.Delivered, record.DeliveryStatus);
            Assert.Equal(T0.AddSeconds(60), record.DeliveryAt);
            Assert.Null(record.DeliveryReason);
        }
    }

    [Fact]
    public void An_older_or_repeated_event_changes_nothing()
    {
        var record = new NoticeRecord();
        Assert.True(RecipientDeliveries.Apply(record, [new("a@x.cn", DeliveryStatus.Bounced, T0.AddMinutes(1), "550 no such user")]));
        var saved = record.Deliveries;

        Assert.False(RecipientDeliveries.Apply(record, [new("a@x.cn", DeliveryStatus.Delivered, T0, null)]));
        Assert.False(RecipientDeliveries.Apply(record, [new("A@X.cn", DeliveryStatus.Bounced, T0.AddMinutes(1), "550 no such user")]));
        Assert.Equal(saved, record.Deliveries);
        Assert.Equal(DeliveryStatus.Bounced, record.DeliveryStatus);
        Assert.Equal("550 no such user", record.DeliveryReason);
    }

    [Theory]
    [InlineData(DeliveryStatus.Processed, DeliveryStatus.Delivered, DeliveryStatus.Delivered)]
    [InlineData(DeliveryStatus.Delivered, DeliveryStatus.Processed, DeliveryStatus.Delivered)]
    [InlineData(DeliveryStatus.Processed, DeliveryStatus.Bounced, DeliveryStatus.Bounced)]
    [InlineData(DeliveryStatus.Delivered, DeliveryStatus.SpamReport, DeliveryStatus.SpamReport)]
    public void Events_of_the_same_second_keep_the_one_further_along(string first, string second, string kept)
    {
        // SendGrid's timestamps are whole seconds: "processed" and "delivered" often share one.
        var record = new NoticeRecord();
        RecipientDeliveries.Apply(record, [new("a@x.cn", first, T0, null), new("a@x.cn", second, T0, null)]);
        Assert.Equal(kept, record.DeliveryStatus);
    }

    [Fact]
    public void An_email_to_several_recipients_shows_a_problem_at_any_of_them_first()
    {
        var record = new NoticeRecord();
        RecipientDeliveries.Apply(record,
        [
            new("a@x.cn", DeliveryStatus.Delivered, T0.AddMinutes(2), null),
            new("b@x.cn", DeliveryStatus.Bounced, T0, "550 mailbox full"),
        ]);
        Assert.Equal(DeliveryStatus.Bounced, record.DeliveryStatus);
        Assert.Equal("550 mailbox full", record.DeliveryReason);
        Assert.Equal(2, RecipientDeliveries.Read(record).Count);
    }

    [Fact]
    public void An_email_to_several_recipients_is_delivered_when_it_is_delivered_to_all()
    {
        var record = new NoticeRecord();
        RecipientDeliveries.Apply(record,
        [
            new("a@x.cn", DeliveryStatus.Delivered, T0, null),
            new("b@x.cn", DeliveryStatus.Processed, T0, null),
        ]);
        Assert.Equal(DeliveryStatus.Processed, record.DeliveryStatus);

        RecipientDeliveries.Apply(record, [new("b@x.cn", DeliveryStatus.Delivered, T0.AddSeconds(3), null)]);
        Assert.Equal(DeliveryStatus.Delivered, record.DeliveryStatus);
    }

    [Fact]
    public void A_long_reason_is_cut_and_a_broken_record_reads_as_no_events()
    {
        var record = new NoticeRecord();
        RecipientDeliveries.Apply(record, [new("a@x.cn", DeliveryStatus.Dropped, T0, new string('原', 2000))]);
        Assert.Equal(RecipientDeliveries.MaxReasonLength + 1, record.DeliveryReason!.Length);

        Assert.Empty(RecipientDeliveries.Read(new NoticeRecord { Deliveries = "{not json" }));
    }

    private static IEnumerable<IReadOnlyList<T>> Permutations<T>(IReadOnlyList<T> items) =>
        items.Count <= 1
            ? [items]
            : items.SelectMany((item, i) => Permutations(items.Where((_, j) => j != i).ToList()).Select(rest => (IReadOnlyList<T>)[item, .. rest]));
}
