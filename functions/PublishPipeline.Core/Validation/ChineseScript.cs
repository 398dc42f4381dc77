using System.Buffers;
using PublishPipeline.Reports;

namespace PublishPipeline.Validation;

/// <summary>
/// Traditional characters as the rules see them: rules match phrases on the simplified text (C5) and I3 counts what a
/// mirror site converted. Both use OpenCC's traditional→simplified table (<see cref="ChineseConversion"/>), the same
/// one the readers fold labels with, so what I3 calls traditional is exactly what reading folds.
/// </summary>
internal static class ChineseScript
{
    /// <summary>The traditional-only characters, for vectorised scans: most texts hold none.</summary>
    public static SearchValues<char> TraditionalCharacters => ChineseConversion.TraditionalOnly;

    public static bool IsTraditional(char ch) => TraditionalCharacters.Contains(ch);

    /// <summary>Maps traditional-only characters to simplified; everything else is kept.</summary>
    public static string Simplify(string text) => ChineseConversion.Simplify(text);
}
