using System.Buffers;
using System.Text;

namespace PublishPipeline.Site.Views;

/// <summary>
/// A <see cref="SitePaths"/> URL made safe to write as an href. The paths hold directory region names verbatim, and a
/// name with a space, '#', '?' or '%' would otherwise end the path early or be read as an escape: those characters
/// (and controls) are percent-encoded as UTF-8, which <see cref="SitePaths.FileForUrl"/> undoes. Chinese stays as it
/// is (browsers and the HTML spec accept it in a URL). The URLs always start with '/', so no scheme can be injected.
/// </summary>
internal static class Href
{
    private static readonly SearchValues<char> Unsafe = SearchValues.Create(" \"#%<>?[\\]^`{|}'");

    public static string Path(string url)
    {
        if (!NeedsEscaping(url))
        {
            return url;
        }

        var builder = new StringBuilder(url.Length + 16);
        Span<byte> bytes = stackalloc byte[4];
        for (var i = 0; i < url.Length; i++)
        {
            var ch = url[i];
            if (!IsUnsafe(ch))
            {
                builder.Append(ch);
                continue;
            }

            var length = Encoding.UTF8.GetBytes(url.AsSpan(i, 1), bytes);
            for (var b = 0; b < length; b++)
            {
                builder.Append('%').Append(bytes[b].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static bool NeedsEscaping(string url)
    {
        if (url.AsSpan().IndexOfAny(Unsafe) >= 0)
        {
            return true;
        }

        foreach (var ch in url)
        {
            if (char.IsControl(ch) || char.IsWhiteSpace(ch))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsUnsafe(char ch) => Unsafe.Contains(ch) || char.IsControl(ch) || char.IsWhiteSpace(ch);
}
