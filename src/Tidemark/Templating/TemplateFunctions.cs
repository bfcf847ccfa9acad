namespace Tidemark.Templating;

/// <summary>
/// The functions a template may call: Go's builtins that commit templates use (<c>print</c>, <c>printf</c>,
/// <c>println</c>, <c>len</c>, <c>index</c>, <c>eq</c>, <c>ne</c>, <c>not</c>, <c>and</c>, <c>or</c>) and a hermetic
/// subset of Sprig's string functions (https://masterminds.github.io/sprig/strings.html): <c>lower</c>, <c>upper</c>,
/// <c>trim</c>, <c>trimPrefix</c>, <c>trimSuffix</c>, <c>replace</c>, <c>contains</c>, <c>hasPrefix</c>,
/// <c>hasSuffix</c>, <c>join</c>, <c>quote</c>, <c>default</c>. Sprig takes the piped value last, e.g.
/// <c>{{ .NewValue | trimPrefix "v" }}</c>. No function reads the environment or a file, runs anything or reaches the
/// network: templates come from the repository (docs/security.md), and Sprig's <c>env</c>, <c>expandenv</c>, <c>readFile</c>,
/// <c>exec</c> … are refused when the template is parsed, before anything is done.
/// </summary>
internal static class TemplateFunctions
{
    /// <summary>Names other template engines give to functions that read the environment or files, or run commands.</summary>
    private static readonly HashSet<string> Outside = new(StringComparer.Ordinal)
    {
        "env", "expandenv", "getenv", "environment", "readFile", "readfile", "file", "include", "tpl", "exec", "shell", "run",
        "command", "glob", "http", "httpGet", "fetch", "lookup", "os",
    };

    /// <summary>The name when it is a function, else null.</summary>
    public static string? Known(string name) => All.ContainsKey(name) ? name : null;

    /// <summary>The error for a name that is not a function (a clearer one for functions that would reach outside).</summary>
    public static string Unknown(string name) => Outside.Contains(name)
        ? $"function \"{name}\" not defined: templates cannot read environment variables or files, or run anything (the functions are {Names})"
        : $"function \"{name}\" not defined (the functions are {Names})";

    private static string Names => string.Join(", ", All.Keys.Order(StringComparer.Ordinal));

    public static IReadOnlyDictionary<string, Func<IReadOnlyList<object?>, object?>> All { get; } = new Dictionary<string, Func<IReadOnlyList<object?>, object?>>(StringComparer.Ordinal)
    {
        ["print"] = a => GoFormat.Sprint(a),
        ["println"] = a => GoFormat.Sprintln(a),
        ["printf"] = a => GoFormat.Sprintf(Text("printf", Arity("printf", a, 1, int.MaxValue)[0]), [.. a.Skip(1)]),
        ["len"] = a => Length(Arity("len", a, 1, 1)[0]),
        ["index"] = a => Index(Arity("index", a, 1, int.MaxValue)),
        ["not"] = a => !TemplateTruth.IsTrue(Arity("not", a, 1, 1)[0]),
        ["and"] = a => Arity("and", a, 1, int.MaxValue).FirstOrDefault(v => !TemplateTruth.IsTrue(v), a[^1]),
        ["or"] = a => Arity("or", a, 1, int.MaxValue).FirstOrDefault(TemplateTruth.IsTrue, a[^1]),
        ["eq"] = a => Arity("eq", a, 2, int.MaxValue).Skip(1).Any(b => Equal(a[0], b)),
        ["ne"] = a => !Equal(Arity("ne", a, 2, 2)[0], a[1]),
        ["lower"] = a => Text("lower", Arity("lower", a, 1, 1)[0]).ToLowerInvariant(),
        ["upper"] = a => Text("upper", Arity("upper", a, 1, 1)[0]).ToUpperInvariant(),
        ["trim"] = a => Text("trim", Arity("trim", a, 1, 1)[0]).Trim(),
        ["trimPrefix"] = a => TrimPrefix(Text("trimPrefix", Arity("trimPrefix", a, 2, 2)[0]), Text("trimPrefix", a[1])),
        ["trimSuffix"] = a => TrimSuffix(Text("trimSuffix", Arity("trimSuffix", a, 2, 2)[0]), Text("trimSuffix", a[1])),
        ["replace"] = a => Replace(Text("replace", Arity("replace", a, 3, 3)[0]), Text("replace", a[1]), Text("replace", a[2])),
        ["contains"] = a => Text("contains", Arity("contains", a, 2, 2)[1]).Contains(Text("contains", a[0]), StringComparison.Ordinal),
        ["hasPrefix"] = a => Text("hasPrefix", Arity("hasPrefix", a, 2, 2)[1]).StartsWith(Text("hasPrefix", a[0]), StringComparison.Ordinal),
        ["hasSuffix"] = a => Text("hasSuffix", Arity("hasSuffix", a, 2, 2)[1]).EndsWith(Text("hasSuffix", a[0]), StringComparison.Ordinal),
        ["join"] = a => Join(Text("join", Arity("join", a, 2, 2)[0]), a[1]),
        ["quote"] = a => string.Join(" ", a.Where(v => v is not null).Select(v => GoFormat.Quote(GoFormat.Value(v)))),
        ["default"] = a => Arity("default", a, 1, 2).Count == 2 && TemplateTruth.IsTrue(a[1]) ? a[1] : a[0],
    };

    private static IReadOnlyList<object?> Arity(string name, IReadOnlyList<object?> arguments, int min, int max) =>
        arguments.Count >= min && arguments.Count <= max
            ? arguments
            : throw new TemplateFunctionException($"wrong number of args for {name}: want {(min == max ? min.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"at least {min}")} got {arguments.Count}");

    private static string Text(string name, object? value) => value is string text
        ? text
        : throw new TemplateFunctionException($"wrong type for value in {name}; expected string; got {GoFormat.TypeName(value)}");

    private static string TrimPrefix(string prefix, string text) => text.StartsWith(prefix, StringComparison.Ordinal) ? text[prefix.Length..] : text;

    private static string TrimSuffix(string suffix, string text) => text.EndsWith(suffix, StringComparison.Ordinal) ? text[..^suffix.Length] : text;

    private static string Replace(string old, string replacement, string text) => old.Length == 0 ? text : text.Replace(old, replacement, StringComparison.Ordinal);

    private static string Join(string separator, object? list) => list switch
    {
        TemplateList items => string.Join(separator, items.Items.Where(i => i is not null).Select(GoFormat.Value)),
        string text => text,
        _ => throw new TemplateFunctionException($"join: cannot join a {GoFormat.TypeName(list)}"),
    };

    private static long Length(object? value) => value switch
    {
        string text => System.Text.Encoding.UTF8.GetByteCount(text),
        TemplateList list => list.Items.Count,
        TemplateMap map => map.Entries.Count,
        _ => throw new TemplateFunctionException($"len of type {GoFormat.TypeName(value)}"),
    };

    private static object? Index(IReadOnlyList<object?> arguments)
    {
        var item = arguments[0];
        foreach (var key in arguments.Skip(1))
        {
            item = (item, key) switch
            {
                (TemplateList list, long i) when i >= 0 && i < list.Items.Count => list.Items[(int)i],
                (TemplateList list, long i) => throw new TemplateFunctionException($"error calling index: index out of range: {i} (length {list.Items.Count})"),
                (TemplateMap map, { } k) => map.TryGet(k, out var found) ? found : map.Zero,
                (null or NoValue, _) => throw new TemplateFunctionException("error calling index: index of untyped nil"),
                _ => throw new TemplateFunctionException($"error calling index: cannot index {GoFormat.TypeName(item)} with {GoFormat.TypeName(key)}"),
            };
        }

        return item;
    }

    private static bool Equal(object? a, object? b) => (a, b) switch
    {
        (string x, string y) => x == y,
        (long x, long y) => x == y,
        (bool x, bool y) => x == y,
        (double x, double y) => x == y,
        (null, null) => true,
        _ => throw new TemplateFunctionException($"error calling eq: incompatible types for comparison ({GoFormat.TypeName(a)} and {GoFormat.TypeName(b)})"),
    };
}
