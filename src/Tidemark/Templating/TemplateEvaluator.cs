using System.Text;

namespace Tidemark.Templating;

/// <summary>
/// Executes a parsed template against data made of <see cref="TemplateStruct"/>, <see cref="TemplateMap"/>,
/// <see cref="TemplateList"/> and plain values, with Go's rules: variables live until the end of the structure that
/// declared them, <c>range</c> visits maps in their entry order, a missing map key is <c>&lt;no value&gt;</c>, a
/// missing struct field is an error.
/// </summary>
internal sealed class TemplateEvaluator
{
    private readonly StringBuilder output = new();
    private readonly List<KeyValuePair<string, object?>> variables = [];
    private TemplateAction? current;

    private TemplateEvaluator()
    {
    }

    public static string Execute(IReadOnlyList<TemplateNode> nodes, object? data)
    {
        var evaluator = new TemplateEvaluator();
        evaluator.variables.Add(new("$", data));
        evaluator.WalkList(nodes, data);
        return evaluator.output.ToString();
    }

    private void WalkList(IReadOnlyList<TemplateNode> nodes, object? dot)
    {
        foreach (var node in nodes)
        {
            Walk(node, dot);
        }
    }

    private void Walk(TemplateNode node, object? dot)
    {
        switch (node)
        {
            case TemplateNode.Text text:
                output.Append(text.Value);
                break;
            case TemplateNode.Print print:
                current = print.Action;
                var value = Pipeline(print.Pipeline, dot, bind: true);
                if (print.Pipeline.Variables.Count == 0)
                {
                    output.Append(GoFormat.Value(value));
                }

                break;
            case TemplateNode.Control { Kind: ControlKind.Range } range:
                Range(range, dot);
                break;
            case TemplateNode.Control control:
                IfOrWith(control, dot);
                break;
        }
    }

    private void IfOrWith(TemplateNode.Control control, object? dot)
    {
        var mark = variables.Count;
        current = control.Action;
        var value = Pipeline(control.Pipeline, dot, bind: true);
        if (TemplateTruth.IsTrue(value))
        {
            WalkList(control.Body, control.Kind == ControlKind.With ? value : dot);
        }
        else
        {
            WalkList(control.Else, dot);
        }

        variables.RemoveRange(mark, variables.Count - mark);
    }

    private void Range(TemplateNode.Control range, object? dot)
    {
        var mark = variables.Count;
        current = range.Action;
        var value = Pipeline(range.Pipeline, dot, bind: false);
        var items = Elements(value);
        foreach (var (key, element) in items)
        {
            var names = range.Pipeline.Variables;
            if (names.Count == 1)
            {
                variables.Add(new(names[0], element));
            }
            else if (names.Count == 2)
            {
                variables.Add(new(names[0], key));
                variables.Add(new(names[1], element));
            }

            WalkList(range.Body, element);
            variables.RemoveRange(mark, variables.Count - mark);
        }

        if (items.Count == 0)
        {
            WalkList(range.Else, dot);
        }

        variables.RemoveRange(mark, variables.Count - mark);
    }

    private List<(object? Key, object? Value)> Elements(object? value) => value switch
    {
        TemplateList list => [.. list.Items.Select((item, i) => ((object?)(long)i, item))],
        TemplateMap map => [.. map.Entries.Select(e => ((object?)e.Key, e.Value))],
        long count => [.. Enumerable.Range(0, (int)Math.Max(0, count)).Select(i => ((object?)(long)i, (object?)(long)i))],
        null or NoValue => [],
        _ => throw Error($"range can't iterate over {GoFormat.Value(value)} (a {GoFormat.TypeName(value)})"),
    };

    private object? Pipeline(TemplatePipeline pipeline, object? dot, bool bind)
    {
        object? value = null;
        for (var i = 0; i < pipeline.Commands.Count; i++)
        {
            value = Command(pipeline.Commands[i], dot, i > 0, value);
        }

        if (bind && pipeline.Variables.Count == 1)
        {
            Bind(pipeline.Variables[0], value, pipeline.Declares);
        }

        return value;
    }

    private void Bind(string name, object? value, bool declare)
    {
        if (declare)
        {
            variables.Add(new(name, value));
            return;
        }

        var at = variables.FindLastIndex(v => v.Key == name);
        variables[at >= 0 ? at : throw Error($"undefined variable: {name}")] = new(name, value);
    }

    private object? Command(TemplateCommand command, object? dot, bool piped, object? final)
    {
        if (command.Arguments[0] is TemplateOperand.Function function)
        {
            var arguments = command.Arguments.Skip(1).Select(a => Operand(a, dot)).ToList();
            if (piped)
            {
                arguments.Add(final);
            }

            return Call(function.Name, arguments);
        }

        if (command.Arguments.Count > 1 || piped)
        {
            throw Error($"can't give argument to non-function {Describe(command.Arguments[0])}");
        }

        return Operand(command.Arguments[0], dot);
    }

    private object? Call(string name, List<object?> arguments)
    {
        if (!TemplateFunctions.All.TryGetValue(name, out var function))
        {
            throw Error(TemplateFunctions.Unknown(name));
        }

        try
        {
            return function(arguments);
        }
        catch (TemplateFunctionException e)
        {
            throw Error(e.Message);
        }
    }

    private object? Operand(TemplateOperand operand, object? dot) => operand switch
    {
        TemplateOperand.Dot => dot,
        TemplateOperand.Field field => Fields(dot, field.Names),
        TemplateOperand.Variable variable => Fields(Lookup(variable.Name), variable.Names),
        TemplateOperand.Literal literal => literal.Value,
        TemplateOperand.Function function => Call(function.Name, []),
        TemplateOperand.Nested nested => Fields(Pipeline(nested.Pipeline, dot, bind: false), nested.Names),
        _ => throw Error("unsupported operand"),
    };

    private object? Lookup(string name)
    {
        var at = variables.FindLastIndex(v => v.Key == name);
        return at >= 0 ? variables[at].Value : throw Error($"undefined variable: {name}");
    }

    private object? Fields(object? receiver, IReadOnlyList<string> names)
    {
        foreach (var name in names)
        {
            receiver = receiver switch
            {
                TemplateStruct structure when structure.TryGet(name, out var value) => value,
                TemplateMap map when map.TypeName.StartsWith("map[string]", StringComparison.Ordinal) => map.TryGet(name, out var value) ? value : NoValue.Instance,
                NoValue => throw Error($"can't evaluate field {name}: the value before it is missing (<no value>)"),
                null => throw Error($"nil pointer evaluating .{name}"),
                _ => throw Error($"can't evaluate field {name} in type {GoFormat.TypeName(receiver)}"),
            };
        }

        return receiver;
    }

    private static string Describe(TemplateOperand operand) => operand switch
    {
        TemplateOperand.Field field => "." + string.Join(".", field.Names),
        TemplateOperand.Variable variable => variable.Name + string.Concat(variable.Names.Select(n => "." + n)),
        TemplateOperand.Literal literal => GoFormat.Value(literal.Value),
        _ => operand.GetType().Name.ToLowerInvariant(),
    };

    private TemplateException Error(string problem) => new(current ?? new TemplateAction(1, 1, ""), problem);
}
