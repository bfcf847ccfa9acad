using Tidemark.Automation;
using Tidemark.Configuration;
using Tidemark.Configuration.Flux;

namespace Tidemark.Tests.Automation;

public sealed class PublishSettingsTests
{
    private static FluxObjects Automation(string messageTemplate) => FluxObjectReader.Read(
        $"apiVersion: image.toolkit.fluxcd.io/v1\nkind: ImageUpdateAutomation\nmetadata: {{name: a}}\nspec:\n  git:\n    push: {{branch: flux-image-updates}}\n    commit:\n      author: {{name: fluxcdbot, email: bot@example.com}}\n      messageTemplate: '{messageTemplate}'\n",
        "automation.yaml");

    [Theory]
    [InlineData("version: 1\ncommit:\n  message: \"chore(images): bump\"\n", "ignored", "chore(images): bump")]
    [InlineData("version: 1\n", "chore: update cert-manager images", "chore: update cert-manager images")]
    [InlineData("version: 1\n", "{{range .Changed.Changes}}{{print .OldValue}} -> {{println .NewValue}}{{end}}", PublishSettings.DefaultCommitSubject)]
    public void From_CommitMessageSettings_ChooseTheSubject(string config, string fluxTemplate, string expected)
    {
        var settings = PublishSettings.From(ConfigLoader.Load(config, "tidemark.yaml").Config, Automation(fluxTemplate), "alice/gitops", "main");

        Assert.Equal(expected, settings.CommitSubject);
        Assert.Equal("flux-image-updates", settings.UpdateBranch);
    }

    [Theory]
    [InlineData("version: 1\ncommit:\n  message: \"chore(images): bump\"\n", "{{ .AutomationObject }}", false)]
    [InlineData("version: 1\n", "chore: plain text", false)]
    [InlineData("version: 1\n", "{{ .AutomationObject }}", true)]
    public void From_FluxTemplateWithActions_IsRenderedUnlessTidemarkYamlSetsTheMessage(string config, string fluxTemplate, bool rendered)
    {
        var settings = PublishSettings.From(ConfigLoader.Load(config, "tidemark.yaml").Config, Automation(fluxTemplate), "alice/gitops", "main");

        Assert.Equal(rendered, settings.CommitTemplate is not null);
    }

    [Fact]
    public void From_SeveralAutomations_GivesEachItsOwnUpdateBranch()
    {
        const string automations = "apiVersion: image.toolkit.fluxcd.io/v1\nkind: ImageUpdateAutomation\nmetadata: {name: apps}\nspec:\n  git: {push: {branch: apps-updates}}\n  update: {path: ./apps}\n---\napiVersion: image.toolkit.fluxcd.io/v1\nkind: ImageUpdateAutomation\nmetadata: {name: infra}\nspec:\n  update: {path: ./infrastructure}\n";
        var flux = FluxObjectReader.Read(automations, "auto.yaml");
        var config = ConfigLoader.Load("version: 1\nupdateBranch: images\n", "tidemark.yaml").Config;

        var branches = flux.Automations.Select(a => PublishSettings.From(config, a, severalAutomations: true, "alice/gitops", "main").UpdateBranch);

        Assert.Equal(["apps-updates", "images-infra"], branches);
        Assert.Equal("images", PublishSettings.From(config, flux.Automations[0], severalAutomations: false, "alice/gitops", "main").UpdateBranch);
    }

    [Theory]
    [InlineData("version: 1\nupdateBranch: main\n", "", "updateBranch in tidemark.yaml")]
    [InlineData("version: 1\n", "  git: {checkout: {ref: {branch: main}}, push: {branch: main}}\n", "push.branch of the ImageUpdateAutomation direct")]
    public void From_UpdateBranchIsTheBaseBranch_IsRefusedNamingTheSetting(string config, string spec, string where)
    {
        var flux = FluxObjectReader.Read($"apiVersion: image.toolkit.fluxcd.io/v1\nkind: ImageUpdateAutomation\nmetadata: {{name: direct}}\nspec:\n{spec}  update: {{path: ./apps}}\n", "auto.yaml");

        var error = Assert.Throws<ConfigurationException>(() => PublishSettings.From(ConfigLoader.Load(config, "tidemark.yaml").Config, flux, "alice/gitops", "main"));

        Assert.Contains("the update branch \"main\" is the base branch", error.Message, StringComparison.Ordinal);
        Assert.Contains(where, error.Message, StringComparison.Ordinal);
    }
}
