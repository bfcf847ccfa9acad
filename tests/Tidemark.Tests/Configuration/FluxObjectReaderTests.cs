using Tidemark.Configuration;
using Tidemark.Configuration.Flux;

namespace Tidemark.Tests.Configuration;

public sealed class FluxObjectReaderTests
{
    private const string Objects = """
        apiVersion: image.toolkit.fluxcd.io/v1
        kind: ImageRepository
        metadata:
          name: cert-manager-controller
          namespace: flux-system
        spec:
          image: quay.io/jetstack/cert-manager-controller
          interval: 1h
          exclusionList: ["^.*\\.sig$", "-rc"]
          secretRef:
            name: quay-pull
        ---
        apiVersion: image.toolkit.fluxcd.io/v1beta2
        kind: ImagePolicy
        metadata:
          name: cert-manager-controller
        spec:
          imageRepositoryRef:
            name: cert-manager-controller
          policy:
            semver:
              range: ">=1.16.0 <2.0.0"
          filterTags:
            pattern: '^v(?P<v>.*)$'
            extract: '$v'
        ---
        apiVersion: image.toolkit.fluxcd.io/v1
        kind: ImagePolicy
        metadata:
          name: build
          namespace: apps
        spec:
          imageRepositoryRef:
            name: build
            namespace: flux-system
          policy:
            numerical:
              order: DESC
        ---
        apiVersion: image.toolkit.fluxcd.io/v1
        kind: ImageUpdateAutomation
        metadata:
          name: cert-manager
          namespace: flux-system
        spec:
          interval: 30m
          sourceRef:
            kind: GitRepository
            name: flux-system
          git:
            checkout:
              ref:
                branch: main
            commit:
              author:
                email: fluxcdbot@users.noreply.github.com
                name: fluxcdbot
              messageTemplate: '{{range .Changed.Changes}}{{print .OldValue}} -> {{println .NewValue}}{{end}}'
            push:
              branch: flux-image-updates
          update:
            path: ./infrastructure
            strategy: Setters
        """;

    [Fact]
    public void Read_V1AndV1beta2Objects_ReadsRepositoriesPoliciesAndAutomations()
    {
        var objects = FluxObjectReader.Read(Objects, "clusters/prod/image-automation.yaml");

        var repository = Assert.Single(objects.Repositories);
        Assert.Equal("quay.io/jetstack/cert-manager-controller", repository.Image);
        Assert.Equal(["^.*\\.sig$", "-rc"], repository.ExclusionList);
        Assert.Equal("quay-pull", repository.SecretRef);

        var policy = objects.FindPolicy("flux-system", "cert-manager-controller")!;
        Assert.Equal("semver:>=1.16.0 <2.0.0", policy.Policy!.Policy);
        Assert.Equal("^v(?P<v>.*)$", policy.Policy.FilterPattern);
        Assert.Equal("$v", policy.Policy.FilterExtract);
        Assert.Same(repository, objects.RepositoryOf(policy));
        Assert.Equal("clusters/prod/image-automation.yaml:13:1", policy.Place.ToString());

        var build = objects.FindPolicy("apps", "build")!;
        Assert.Equal("numerical:desc", build.Policy!.Policy);
        Assert.Equal("flux-system", build.RepositoryNamespace);

        var automation = Assert.Single(objects.Automations);
        Assert.Equal(("main", "flux-image-updates", "./infrastructure"), (automation.CheckoutBranch, automation.PushBranch, automation.UpdatePath));
        Assert.Equal("fluxcdbot", automation.AuthorName);
        Assert.Empty(objects.Diagnostics);
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../../home/operator/.docker")]
    [InlineData("a/b")]
    [InlineData("Quay-Pull")]
    [InlineData("-pull")]
    [InlineData("a..b")]
    public void Read_SecretRefThatIsNotAKubernetesName_IsAnErrorAtItsLineAndNotUsed(string name)
    {
        var objects = FluxObjectReader.Read($"apiVersion: image.toolkit.fluxcd.io/v1\nkind: ImageRepository\nmetadata: {{name: a}}\nspec:\n  image: quay.io/a/b\n  secretRef:\n    name: \"{name}\"\n", "clusters/repo.yaml");

        var error = Assert.Single(objects.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(("clusters/repo.yaml", 7, "spec.secretRef.name"), (error.File, error.Line, error.Field));
        Assert.Contains("is not a Kubernetes Secret name", error.Message, StringComparison.Ordinal);
        Assert.Null(Assert.Single(objects.Repositories).SecretRef);
    }

    [Fact]
    public void Read_SecretRefLongerThan253Characters_IsAnErrorThatDoesNotRepeatTheWholeName()
    {
        var name = new string('a', 254);

        var objects = FluxObjectReader.Read($"apiVersion: image.toolkit.fluxcd.io/v1\nkind: ImageRepository\nmetadata: {{name: a}}\nspec:\n  image: quay.io/a/b\n  secretRef: {{name: {name}}}\n", "r.yaml");

        var error = Assert.Single(objects.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains("(254 characters)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(name, error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("quay-pull")]
    [InlineData("registry.example.com-creds")]
    [InlineData("a")]
    public void Read_SecretRefThatIsAKubernetesName_IsKept(string name)
    {
        var objects = FluxObjectReader.Read($"apiVersion: image.toolkit.fluxcd.io/v1\nkind: ImageRepository\nmetadata: {{name: a}}\nspec:\n  image: quay.io/a/b\n  secretRef: {{name: {name}}}\n", "r.yaml");

        Assert.Empty(objects.Diagnostics);
        Assert.Equal(name, Assert.Single(objects.Repositories).SecretRef);
    }

    [Fact]
    public void Read_InsecureImageRepository_IsWarnedAboutAndNeverMakesTheRegistryPlainHttp()
    {
        var objects = FluxObjectReader.Read("apiVersion: image.toolkit.fluxcd.io/v1\nkind: ImageRepository\nmetadata: {name: a}\nspec:\n  image: registry.example.com/a/b\n  insecure: true\n  secretRef: {name: pull}\n", "r.yaml");

        var warning = Assert.Single(objects.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Warning, 6, "spec.insecure"), (warning.Severity, warning.Line, warning.Field));
        var options = Tidemark.Automation.RegistryOptionsBuilder.Build(TidemarkConfig.Default, objects, null, "/secrets");
        var settings = options.SettingsFor("registry.example.com");
        Assert.False(settings.Insecure);
        Assert.Equal("https", Tidemark.Registries.RegistryHost.BaseUri(settings.Host, settings.Insecure).Scheme);
    }

    [Fact]
    public void Read_AbsentExclusionList_IsNullSoFluxDefaultApplies()
    {
        var objects = FluxObjectReader.Read("apiVersion: image.toolkit.fluxcd.io/v1\nkind: ImageRepository\nmetadata: {name: a}\nspec: {image: nginx}\n", "a.yaml");

        Assert.Null(Assert.Single(objects.Repositories).ExclusionList);
        Assert.Equal("flux-system", objects.Repositories[0].Namespace);
    }

    [Fact]
    public void Read_PolicyWithoutAPolicy_IsReportedWithItsPlace()
    {
        var objects = FluxObjectReader.Read("apiVersion: image.toolkit.fluxcd.io/v1\nkind: ImagePolicy\nmetadata: {name: p}\nspec:\n  imageRepositoryRef: {name: r}\n", "p.yaml");

        var diagnostic = Assert.Single(objects.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.StartsWith("p.yaml:5:3: error: spec.policy: ImagePolicy flux-system/p has no semver", diagnostic.ToString(), StringComparison.Ordinal);
        Assert.Null(objects.Policies[0].Policy);
    }

    [Fact]
    public void Read_UnencryptedRegistrySecret_IsWarnedAboutAndNotUsed()
    {
        const string secret = "apiVersion: v1\nkind: Secret\nmetadata: {name: regcred}\ntype: kubernetes.io/dockerconfigjson\ndata:\n  .dockerconfigjson: e30=\n";

        var objects = FluxObjectReader.Read(secret, "apps/secret.yaml");

        var warning = Assert.Single(objects.Diagnostics);
        Assert.Contains("registry Secret \"regcred\" is committed unencrypted", warning.Message, StringComparison.Ordinal);
        Assert.True(FluxObjectReader.MightContain(secret));
    }

    [Fact]
    public void Read_SopsEncryptedSecret_IsNotWarnedAbout()
    {
        const string secret = "apiVersion: v1\nkind: Secret\nmetadata: {name: regcred}\ntype: kubernetes.io/dockerconfigjson\ndata:\n  .dockerconfigjson: ENC[AES256_GCM,data:x]\nsops:\n  version: 3.8.1\n";

        Assert.Empty(FluxObjectReader.Read(secret, "s.yaml").Diagnostics);
    }

    [Fact]
    public void Read_LegacyV1alpha1Automation_ReadsItsBranches()
    {
        const string legacy = "apiVersion: image.toolkit.fluxcd.io/v1alpha1\nkind: ImageUpdateAutomation\nmetadata: {name: old}\nspec:\n  checkout: {branch: main}\n  push: {branch: auto}\n  commit: {authorName: bot, authorEmail: bot@x}\n";

        var automation = Assert.Single(FluxObjectReader.Read(legacy, "old.yaml").Automations);

        Assert.Equal(("main", "auto", "bot"), (automation.CheckoutBranch, automation.PushBranch, automation.AuthorName));
    }

    private const string Automation = "apiVersion: image.toolkit.fluxcd.io/v1\nkind: ImageUpdateAutomation\nmetadata: {name: apps, namespace: flux-system}\nspec:\n";

    [Fact]
    public void Read_UnknownUpdateStrategy_IsAnErrorAtItsPlaceAndTheAutomationUnusable()
    {
        var objects = FluxObjectReader.Read(Automation + "  update:\n    path: ./apps\n    strategy: Regex\n", "clusters/auto.yaml");

        var error = Assert.Single(objects.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.StartsWith("clusters/auto.yaml:7:15: error: spec.update.strategy: \"Regex\" is not an update strategy", error.ToString(), StringComparison.Ordinal);
        Assert.True(Assert.Single(objects.Automations).Unusable);
        var thrown = Assert.Throws<ConfigurationException>(() => Tidemark.Automation.UpdateMode.Of(objects, TidemarkConfig.Default));
        Assert.Contains("clusters/auto.yaml:7:15", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UpdatePathOutsideTheRepository_IsAnError()
    {
        var objects = FluxObjectReader.Read(Automation + "  update:\n    path: ../other\n", "a.yaml");

        Assert.Contains(objects.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Field == "spec.update.path");
        Assert.True(objects.Automations[0].Unusable);
    }

    [Fact]
    public void Read_AutomationFieldsTidemarkDoesNotUse_AreWarnedNamingTheField()
    {
        const string spec = "  git:\n    commit:\n      author: {email: bot@x}\n      signingKey: {secretRef: {name: gpg}}\n    push:\n      branch: auto\n      options: {ci.skip: \"\"}\n  policySelector:\n    matchExpressions: [{key: a, operator: In, values: [b]}]\n  sourceRef: {kind: GitRepository, name: flux-system}\n  interval: 5m\n  somethingNew: true\n";

        var objects = FluxObjectReader.Read(Automation + spec, "a.yaml");

        var warned = objects.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).Select(d => d.Field).ToList();
        Assert.Equal(["spec.git.commit.signingKey", "spec.git.push.options", "spec.policySelector.matchExpressions", "spec.somethingNew"], warned.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(objects.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Theory]
    [InlineData("refs/heads/main:refs/heads/auto", "auto")]
    [InlineData("+HEAD:refs/heads/image-updates", "image-updates")]
    [InlineData("auto", "auto")]
    [InlineData("refs/heads/main:refs/for/main", null)]
    public void Read_PushRefspec_NamesTheUpdateBranchWhenItPushesToABranch(string refspec, string? branch)
    {
        var automation = Assert.Single(FluxObjectReader.Read(Automation + $"  git:\n    push:\n      refspec: \"{refspec}\"\n", "a.yaml").Automations);

        Assert.Equal(branch, automation.UpdateBranch);
    }

    [Fact]
    public void Read_PolicySelectorAndPolicyLabels_SelectOnlyMatchingPolicies()
    {
        const string policies = "---\napiVersion: image.toolkit.fluxcd.io/v1\nkind: ImagePolicy\nmetadata: {name: a, labels: {team: web}}\nspec: {imageRepositoryRef: {name: a}, policy: {semver: {range: '>=1'}}}\n---\napiVersion: image.toolkit.fluxcd.io/v1\nkind: ImagePolicy\nmetadata: {name: b}\nspec: {imageRepositoryRef: {name: b}, policy: {semver: {range: '>=1'}}, suspend: true}\n";

        var objects = FluxObjectReader.Read(Automation + "  policySelector:\n    matchLabels: {team: web}\n" + policies, "a.yaml");

        var automation = Assert.Single(objects.Automations);
        Assert.True(automation.Selects(objects.Policies[0]));
        Assert.False(automation.Selects(objects.Policies[1]));
        Assert.True(objects.Policies[1].Suspended);
    }

    [Fact]
    public void Read_RepositoryProviderAndCertSecret_AreWarnedAsNotUsed()
    {
        const string repository = "apiVersion: image.toolkit.fluxcd.io/v1\nkind: ImageRepository\nmetadata: {name: r}\nspec:\n  image: 1234.dkr.ecr.eu-west-1.amazonaws.com/app\n  provider: aws\n  certSecretRef: {name: ca}\n  interval: 5m\n";

        var warnings = FluxObjectReader.Read(repository, "r.yaml").Diagnostics;

        Assert.Equal(["spec.certSecretRef", "spec.provider"], warnings.Select(w => w.Field).Order(StringComparer.Ordinal));
        Assert.Contains("provider aws is not used", warnings.Single(w => w.Field == "spec.provider").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SuspendedAutomation_IsMarkedSuspended()
    {
        Assert.True(Assert.Single(FluxObjectReader.Read(Automation + "  suspend: true\n", "a.yaml").Automations).Suspended);
    }
}
