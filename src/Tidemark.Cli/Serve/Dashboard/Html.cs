using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Tidemark.Cli.Serve.Dashboard;

/// <summary>
/// A piece of markup. Built only through <see cref="H"/>, whose interpolation holes are HTML-encoded unless they are
/// <see cref="Html"/> themselves, so a value from the state store or the settings cannot become markup by mistake.
/// </summary>
internal readonly record struct Html(string Value)
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static Html Empty { get; } = new("");

    /// <summary>Markup from an interpolated string: literals as written, every hole encoded (example: <c>H($"&lt;td&gt;{image}&lt;/td&gt;")</c>).</summary>
    public static Html H(ref HtmlHandler handler) => handler.ToHtml();

    public static Html Join(IEnumerable<Html> parts) => new(string.Concat(parts.Select(p => p.Value)));

    /// <summary>The text, encoded for an element's content or a quoted attribute.</summary>
    public static string Encode(string? text) => text is null ? "" : Encoder.Encode(text);

    public override string ToString() => Value ?? "";
}

[InterpolatedStringHandler]
internal ref struct HtmlHandler
{
    private readonly StringBuilder _builder;

    public HtmlHandler(int literalLength, int formattedCount)
    {
        _builder = new StringBuilder(literalLength + (formattedCount * 16));
    }

    public readonly void AppendLiteral(string literal) => _builder.Append(literal);

    public readonly void AppendFormatted<T>(T value) => AppendFormatted(value, null);

    public readonly void AppendFormatted<T>(T value, string? format)
    {
        // markup (one piece or a sequence of pieces, whatever collection type holds them) goes in as it is; anything else is text
        if (value is Html html)
        {
            _builder.Append(html.Value);
            return;
        }

        if (value is IEnumerable<Html> parts)
        {
            foreach (var part in parts)
            {
                _builder.Append(part.Value);
            }

            return;
        }

        var text = value switch
        {
            null => null,
            IFormattable formattable => formattable.ToString(format, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        _builder.Append(Html.Encode(text));
    }

    public readonly Html ToHtml() => new(_builder.ToString());
}
