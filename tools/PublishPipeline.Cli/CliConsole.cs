using Spectre.Console;

namespace PublishPipeline.Cli;

/// <summary>The Spectre console every command writes through.</summary>
internal static class CliConsole
{
    /// <summary>
    /// Colours only on a real terminal; redirected output and captured writers (or <paramref name="plain"/>) get plain
    /// text with no wrapping, so logs and tests see each line whole.
    /// </summary>
    public static IAnsiConsole For(TextWriter output, bool plain = false)
    {
        var terminal = !plain && ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = int.MaxValue / 2;
        }

        return console;
    }
}
