using Tidemark.Templating;

namespace Tidemark.Tests.Templating;

/// <summary>
/// The Go text/template subset. Expected outputs are worked out from Go's rules: trim markers eat all white space
/// (including newlines) on their side, <c>range</c> over a map visits keys in sorted order, <c>println</c> always
/// separates with spaces and ends with a newline, <c>print</c> adds spaces only between two non-strings.
/// </summary>
public sealed class GoTemplateTests
{
    private static readonly TemplateStruct Change1 = Change("5.0.0", "5.0.3", "apps:podinfo:tag");
    private static readonly TemplateStruct Change2 = Change("v1.16.2", "v1.18.2", "flux-system:cert-manager:tag");

    private static readonly TemplateStruct Data = new("Data",
    [
        new("Name", "fleet"),
        new("N", 2L),
        new("S", "Foo-Bar"),
        new("List", new TemplateList("[]Change", [Change1, Change2])),
        new("Empty", new TemplateList("[]Change", [])),
        new("Values", TemplateMap.OfStrings(new Dictionary<string, string> { ["b"] = "2", ["a"] = "1", ["env"] = "prod" })),
        new("Object", new TemplateStruct("NamespacedName", [new("Namespace", "flux-system"), new("Name", "apps")], "flux-system/apps")),
    ]);

    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("{{ .Name }}", "fleet")]
    [InlineData("a  {{- .Name -}}  \n b", "afleetb")]
    [InlineData("a {{ .Name }} b", "a fleet b")]
    [InlineData("{{ 3 }} {{ true }} {{ \"x\" }} {{ `raw\\n` }}", "3 true x raw\\n")]
    [InlineData("{{ range $k, $v := .Values }}{{ $k }}={{ $v }};{{ end }}", "a=1;b=2;env=prod;")]
    [InlineData("{{ println \"a\" 1 }}", "a 1\n")]
    [InlineData("{{ print \"a\" 1 2 \"b\" }}", "a1 2b")]
    [InlineData("{{ printf \"%s-%d|%5s|%-3s|%q|%v%%\" \"x\" 42 \"ab\" \"c\" \"q\" .N }}", "x-42|   ab|c  |\"q\"|2%")]
    [InlineData("{{ printf \"%s\" }}", "%!s(MISSING)")]
    [InlineData("{{ printf \"%d\" \"x\" }}", "%!d(string=x)")]
    [InlineData("{{ if eq .N 1 }}one{{ else if eq .N 2 }}two{{ else }}many{{ end }}", "two")]
    [InlineData("{{ if and .Name (not .Empty) }}yes{{ end }}", "yes")]
    [InlineData("{{ with .Values.env }}env={{ . }}{{ else }}none{{ end }}", "env=prod")]
    [InlineData("{{ with .Values.nope }}env={{ . }}{{ else }}none{{ end }}", "none")]
    [InlineData("{{ $x := \"a\" }}{{ $x = \"b\" }}{{ $x }}", "b")]
    [InlineData("{{ range .Empty }}x{{ else }}empty{{ end }}", "empty")]
    [InlineData("{{ .Values.nope }}", "<no value>")]
    [InlineData("{{ index .Values \"zz\" }}|{{ index .Values \"a\" }}", "|1")]
    [InlineData("{{ (index .List 1).NewValue }}", "v1.18.2")]
    [InlineData("{{ len .List }} {{ len .Name }} {{ len .Values }}", "2 5 3")]
    [InlineData("{{ range .List }}{{ $.Name }}:{{ .Setter }} {{ end }}", "fleet:apps:podinfo:tag fleet:flux-system:cert-manager:tag ")]
    [InlineData("{{ range $_, $v := .List }}{{ $v.OldValue }},{{ end }}", "5.0.0,v1.16.2,")]
    [InlineData("{{ range $i, $v := .List }}{{ $i }}{{ end }}", "01")]
    [InlineData("{{ range $v := .List }}{{ $v.NewValue }} {{ end }}", "5.0.3 v1.18.2 ")]
    [InlineData("a{{/* a comment */}}b {{- /* trimmed */ -}} c", "abc")]
    [InlineData("{{ \"v1.2.3\" | trimPrefix \"v\" }} {{ .S | replace \"-\" \"_\" | lower }} {{ .S | upper }}", "1.2.3 foo_bar FOO-BAR")]
    [InlineData("{{ \"img:v1\" | trimSuffix \":v1\" }} {{ trim \"  x \" }} {{ contains \"oo\" .S }} {{ hasPrefix \"Foo\" .S }} {{ hasSuffix \"x\" .S }}", "img x true true false")]
    [InlineData("{{ .Values.nope | default \"dev\" }} {{ .Values.env | default \"dev\" }} {{ quote .Name }}", "dev prod \"fleet\"")]
    [InlineData("{{ .Object }} {{ .Object.Name }}", "flux-system/apps apps")]
    [InlineData("{{ index .List 0 }}", "{5.0.0 5.0.3 apps:podinfo:tag}")]
    [InlineData("{{ .Values }}", "map[a:1 b:2 env:prod]")]
    [InlineData("{{ ne .Name \"x\" }} {{ or \"\" \"y\" }} {{ and 1 0 }}", "true y 0")]
    [InlineData("{{ range 3 }}{{ . }}{{ end }}", "012")]
    public void Execute_SupportedTemplate_RendersAsGoWould(string template, string expected)
    {
        Assert.Equal(expected, GoTemplate.Parse(template).Execute(Data));
    }

    [Fact]
    public void Execute_FluxCertManagerExample_ListsEachChangeOnItsOwnLine()
    {
        // flux.md §7: a |- block scalar, so the template ends at "{{ end -}}" with no newline after it
        const string Template = "chore(cert-manager): update images\n\n{{ range .Changed.Changes -}}\n- {{ .OldValue }} -> {{ .NewValue }}\n{{ end -}}";
        var data = new TemplateStruct("TemplateData", [new("Changed", new TemplateStruct("ChangeResult", [new("Changes", new TemplateList("[]Change", [Change2, Change2]))]))]);

        var message = GoTemplate.Parse(Template).Execute(data);

        Assert.Equal("chore(cert-manager): update images\n\n- v1.16.2 -> v1.18.2\n- v1.16.2 -> v1.18.2\n", message);
    }

    [Fact]
    public void Execute_FluxDocumentedObjectsExample_NestsTheChangesUnderEachObject()
    {
        // the example of Flux's ImageUpdateAutomation spec (docs/spec/v1/imageupdateautomations.md, "Message template")
        const string Template = """
            Automated image update

            Automation name: {{ .AutomationObject }}

            Files:
            {{ range $filename, $_ := .Changed.FileChanges -}}
            - {{ $filename }}
            {{ end -}}

            Objects:
            {{ range $resource, $changes := .Changed.Objects -}}
            - {{ $resource.Kind }} {{ $resource.Name }}
              Changes:
            {{- range $_, $change := $changes }}
                - {{ $change.OldValue }} -> {{ $change.NewValue }}
            {{ end -}}
            {{ end -}}
            """;
        var deployment = new TemplateStruct("ObjectIdentifier", [new("APIVersion", "apps/v1"), new("Kind", "Deployment"), new("Name", "podinfo"), new("Namespace", "apps")]);
        var objects = new TemplateMap("map[ObjectIdentifier][]Change", [new(deployment, new TemplateList("[]Change", [Change1]))], null);
        var files = new TemplateMap("map[string]ObjectChanges", [new("apps/a.yaml", objects), new("apps/b.yaml", objects)], null);
        var changed = new TemplateStruct("ChangeResult", [new("FileChanges", files), new("Objects", objects)]);
        var data = new TemplateStruct("TemplateData", [new("AutomationObject", Data.Fields[6].Value), new("Changed", changed)]);

        var message = GoTemplate.Parse(Template).Execute(data);

        Assert.Equal("Automated image update\n\nAutomation name: flux-system/apps\n\nFiles:\n- apps/a.yaml\n- apps/b.yaml\nObjects:\n- Deployment podinfo\n  Changes:\n    - 5.0.0 -> 5.0.3\n", message);
    }

    [Theory]
    [InlineData("line1\n  {{ .Nope }}", 2, 3, "can't evaluate field Nope in type Data")]
    [InlineData("{{ .Name.Length }}", 1, 1, "can't evaluate field Length in type string")]
    [InlineData("{{ .Values.nope.x }}", 1, 1, "the value before it is missing")]
    [InlineData("{{ foo }}", 1, 1, "function \"foo\" not defined")]
    [InlineData("{{ lower 1 }}", 1, 1, "expected string; got int")]
    [InlineData("{{ trimPrefix \"v\" }}", 1, 1, "wrong number of args for trimPrefix: want 2 got 1")]
    [InlineData("{{ printf \"%x\" 1 }}", 1, 1, "printf verb %x is not supported")]
    [InlineData("{{ .Name 1 }}", 1, 1, "can't give argument to non-function .Name")]
    [InlineData("{{ $y }}", 1, 1, "undefined variable: $y")]
    [InlineData("{{ eq .Name 1 }}", 1, 1, "incompatible types for comparison")]
    [InlineData("{{ range .Name }}{{ end }}", 1, 1, "range can't iterate over fleet")]
    public void Execute_BadFieldOrCall_FailsNamingTheAction(string template, int line, int column, string problem)
    {
        var error = Assert.Throws<TemplateException>(() => GoTemplate.Parse(template).Execute(Data));

        Assert.Equal((line, column), (error.Action.Line, error.Action.Column));
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ env \"GITHUB_TOKEN\" }}", 1, 1, "env")]
    [InlineData("x\n{{ readFile \"/etc/passwd\" }}", 2, 1, "readFile")]
    [InlineData("{{ exec \"id\" }}", 1, 1, "exec")]
    [InlineData("{{ range .Items }}{{ env . }}{{ end }}", 1, 19, "env")]
    public void Parse_FunctionThatWouldReachOutside_FailsAtParseNamingTheAction(string template, int line, int column, string function)
    {
        var error = Assert.Throws<TemplateException>(() => GoTemplate.Parse(template));

        Assert.Equal((line, column), (error.Action.Line, error.Action.Column));
        Assert.StartsWith($"function \"{function}\" not defined: templates cannot read environment variables or files, or run anything", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Functions_None_ReadsTheEnvironmentFilesOrTheNetwork()
    {
        Assert.Equal(
            ["and", "contains", "default", "eq", "hasPrefix", "hasSuffix", "index", "join", "len", "lower", "ne", "not", "or", "print", "printf", "println", "quote", "replace", "trim", "trimPrefix", "trimSuffix", "upper"],
            TemplateFunctions.All.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("{{ if .Name }}x", "has no {{end}}")]
    [InlineData("x{{ end }}", "unexpected {{end}}")]
    [InlineData("{{ template \"x\" }}", "{{template}} is not supported")]
    [InlineData("{{ define \"x\" }}{{ end }}", "{{define}} is not supported")]
    [InlineData("{{ .Name ", "unclosed action")]
    [InlineData("{{ \"x }}", "unterminated")]
    [InlineData("{{ }}", "missing value for command")]
    [InlineData("{{ 'x' }}", "character constants")]
    [InlineData("{{ (.Name }}", "unclosed left parenthesis")]
    [InlineData("{{ range .List }}{{ else if .Name }}{{ end }}", "unexpected words after else")]
    [InlineData("{{/* never closed }}", "unclosed comment")]
    public void Parse_OutsideTheSubsetOrMalformed_FailsNamingTheProblem(string template, string problem)
    {
        var error = Assert.Throws<TemplateException>(() => GoTemplate.Parse(template));

        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }

    private static TemplateStruct Change(string old, string @new, string setter) =>
        new("Change", [new("OldValue", old), new("NewValue", @new), new("Setter", setter)]);
}
