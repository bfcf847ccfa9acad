using Spectre.Console;

namespace Tidemark.Cli.Rendering;

/// <summary>
/// A table of text for people and for pipes. On a terminal it is a Spectre table with rules and a title. Anywhere
/// else it is plain text for <c>grep</c>, <c>cut</c> and <c>column</c>: an optional title line, a header line, one
/// line per row, columns separated by two spaces and padded to the widest cell, the last column not padded, no rules
/// and no wrapping. Cells are plain text (escaped for Spectre here).
/// </summary>
internal sealed class TextTable(string? title, params string[] headers)
{
    private readonly List<string[]> rows = [];

    /// <summary>A column whose cells are shown in green on a terminal (e.g. the new tag).</summary>
    public int? Highlight { get; init; }

    public int Count => rows.Count;

    public TextTable AddRow(params string[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        rows.Add(cells);
        return this;
    }

    public void Write(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (Consoles.IsTerminal(writer))
        {
            Consoles.For(writer).Write(ToSpectre());
            return;
        }
        if (title is not null)
        {
            writer.WriteLine(title);
        }
        var widths = headers.Select((h, i) => rows.Select(r => i < r.Length ? r[i].Length : 0).Append(h.Length).Max()).ToArray();
        WriteLine(writer, headers, widths);
        foreach (var row in rows)
        {
            WriteLine(writer, row, widths);
        }
    }

    private static void WriteLine(TextWriter writer, string[] cells, int[] widths)
    {
        var last = widths.Length - 1;
        var parts = widths.Select((width, i) => i == last ? Cell(cells, i) : Cell(cells, i).PadRight(width));
        writer.WriteLine(string.Join("  ", parts).TrimEnd());
    }

    private static string Cell(string[] cells, int index) => index < cells.Length ? cells[index].Replace('\n', ' ') : "";

    private Table ToSpectre()
    {
        var table = new Table().Border(TableBorder.Simple).AddColumns(headers);
        if (title is not null)
        {
            table.Title(Markup.Escape(title));
        }
        foreach (var row in rows)
        {
            table.AddRow(row.Select((cell, i) => i == Highlight ? $"[green]{Markup.Escape(cell)}[/]" : Markup.Escape(cell)).ToArray());
        }
        return table;
    }
}
