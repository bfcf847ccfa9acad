using System.Globalization;
using Spectre.Console;

namespace Tidemark.Cli.Rendering;

/// <summary>
/// Spectre consoles over a given writer. On a terminal: colours, and the terminal's width (<c>COLUMNS</c> when set).
/// In a pipe or a file: no colours, no ANSI, and no wrapping — a long path stays on one line.
/// </summary>
internal static class Consoles
{
    /// <summary>Wide enough that nothing a command writes is wrapped when the output is not a terminal.</summary>
    private const int Unwrapped = 100_000;

    public static IAnsiConsole For(TextWriter writer)
    {
        var terminal = IsTerminal(writer);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = Unwrapped;
        }
        else if (int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), NumberStyles.None, CultureInfo.InvariantCulture, out var columns) && columns > 0)
        {
            console.Profile.Width = columns;
        }
        return console;
    }

    /// <summary>Whether <paramref name="writer"/> is (or redacts into) the process's standard output and that is a terminal.</summary>
    public static bool IsTerminal(TextWriter writer) =>
        ReferenceEquals(writer is RedactingWriter redacting ? redacting.Inner : writer, Console.Out) && !Console.IsOutputRedirected;
}
