namespace Tidemark.Templating;

/// <summary>
/// A template in the subset of Go's text/template (https://pkg.go.dev/text/template) that commit message templates
/// use: <c>{{ .a.b }}</c>, trim markers, <c>if</c>/<c>else</c>, <c>with</c>, <c>range</c> (with <c>$k, $v :=</c>),
/// variables, pipelines and <see cref="TemplateFunctions"/>. Pure: text and values in, text out.
/// Example: <c>GoTemplate.Parse("{{ range .Items }}- {{ . }}\n{{ end }}").Execute(data)</c>.
/// </summary>
internal sealed class GoTemplate
{
    private readonly IReadOnlyList<TemplateNode> nodes;

    private GoTemplate(IReadOnlyList<TemplateNode> nodes) => this.nodes = nodes;

    /// <exception cref="TemplateException">The template does not parse, or uses something outside the subset.</exception>
    public static GoTemplate Parse(string text) => new(TemplateParser.Parse(text));

    /// <exception cref="TemplateException">A field does not exist, a function is unknown or called wrongly.</exception>
    public string Execute(object? data) => TemplateEvaluator.Execute(nodes, data);
}
