using System.Globalization;
using System.Text;

namespace Tidemark.Templating;

/// <summary>
/// Go's <c>fmt</c> as templates use it: <c>Sprint</c> (spaces only between operands when neither is a string),
/// <c>Sprintln</c> (always spaces, then a newline), <c>Sprintf</c> with the verbs %s %v %d %q %t %% and a width,
/// and the <c>%v</c> form of values (<c>[a b]</c>, <c>map[k:v]</c>, <c>{f1 f2}</c>, <c>&lt;nil&gt;</c>).
/// </summary>
internal static class GoFormat
{
    public static string Value(object? value) => value switch
    {
        null => "<nil>",
        NoValue => "<no value>",
        string text => text,
        bool flag => flag ? "true" : "false",
        long number => number.ToString(CultureInfo.InvariantCulture),
        int number => number.ToString(CultureInfo.InvariantCulture),
        double real => real.ToString("R", CultureInfo.InvariantCulture),
        TemplateList list => "[" + string.Join(" ", list.Items.Select(Value)) + "]",
        TemplateMap map => "map[" + string.Join(" ", map.Entries.Select(e => Value(e.Key) + ":" + Value(e.Value))) + "]",
        TemplateStruct structure => structure.Display ?? "{" + string.Join(" ", structure.Fields.Select(f => Value(f.Value))) + "}",
        _ => value.ToString() ?? "",
    };

    public static string Sprint(IReadOnlyList<object?> operands)
    {
        var text = new StringBuilder();
        for (var i = 0; i < operands.Count; i++)
        {
            if (i > 0 && operands[i] is not string && operands[i - 1] is not string)
            {
                text.Append(' ');
            }

            text.Append(Value(operands[i]));
        }

        return text.ToString();
    }

    public static string Sprintln(IReadOnlyList<object?> operands) => string.Join(" ", operands.Select(Value)) + "\n";

    public static string Sprintf(string format, IReadOnlyList<object?> operands)
    {
        var text = new StringBuilder();
        var next = 0;
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%')
            {
                text.Append(format[i]);
                continue;
            }

            var left = i + 1 < format.Length && format[i + 1] == '-';
            var start = left ? i + 2 : i + 1;
            var end = start;
            while (end < format.Length && char.IsDigit(format[end]))
            {
                end++;
            }

            if (end >= format.Length)
            {
                text.Append("%!(NOVERB)");
                break;
            }

            var width = end > start ? int.Parse(format.AsSpan(start, end - start), CultureInfo.InvariantCulture) : 0;
            var verb = format[end];
            i = end;
            if (verb == '%')
            {
                text.Append('%');
                continue;
            }

            var formatted = next < operands.Count ? Verb(verb, operands[next++]) : $"%!{verb}(MISSING)";
            text.Append(left ? formatted.PadRight(width) : formatted.PadLeft(width));
        }

        if (next < operands.Count)
        {
            text.Append("%!(EXTRA ").Append(string.Join(", ", operands.Skip(next).Select(o => $"{TypeName(o)}={Value(o)}"))).Append(')');
        }

        return text.ToString();
    }

    public static string TypeName(object? value) => value switch
    {
        null => "<nil>",
        NoValue => "invalid",
        string => "string",
        bool => "bool",
        long or int => "int",
        double => "float64",
        TemplateList list => list.TypeName,
        TemplateMap map => map.TypeName,
        TemplateStruct structure => structure.TypeName,
        _ => value.GetType().Name,
    };

    /// <summary>Go's strconv.Quote for the characters commit messages hold.</summary>
    public static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                _ when char.IsControl(c) => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }

    private static string Verb(char verb, object? operand) => (verb, operand) switch
    {
        ('v', _) => Value(operand),
        ('s', string or TemplateList or TemplateMap or TemplateStruct) => Value(operand),
        ('d', long or int) => Value(operand),
        ('t', bool) => Value(operand),
        ('q', string text) => Quote(text),
        ('s' or 'd' or 't' or 'q', _) => $"%!{verb}({TypeName(operand)}={Value(operand)})",
        _ => throw new TemplateFunctionException($"printf verb %{verb} is not supported (use %s, %v, %d, %q, %t or %%)"),
    };
}
