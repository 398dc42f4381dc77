using System.Globalization;

namespace PublishPipeline.Site.Views;

/// <summary>Numbers as the pages print them: invariant digits, no grouping, the minus sign a reader expects.</summary>
internal static class NumberFormat
{
    private static readonly string[] SmallIntegers = Enumerable.Range(0, 1024).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();

    public static string Of(decimal value)
    {
        if (value.Scale == 0 && value >= 0 && value < SmallIntegers.Length)
        {
            return SmallIntegers[(int)value];
        }

        var text = (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
        return value < 0 ? "\u2212" + text[1..] : text;
    }

    public static string Of(int value) => Of((decimal)value);

    /// <summary>A change: "+5", "−3" (U+2212) or "0".</summary>
    public static string Signed(decimal delta) => delta > 0 ? "+" + Of(delta) : Of(delta);
}
