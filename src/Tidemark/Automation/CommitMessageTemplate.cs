using Tidemark.Configuration;
using Tidemark.Configuration.Flux;
using Tidemark.Templating;

namespace Tidemark.Automation;

/// <summary>
/// A Flux <c>ImageUpdateAutomation</c>'s <c>messageTemplate</c> with template actions, parsed when the settings are
/// read and rendered with <see cref="FluxTemplateData"/> to become the whole commit message. A template that does not
/// parse, or fails when rendered (an unknown field or function), is a configuration error naming the automation's
/// file:line, the action and the fix (exit 2, before anything is committed or pushed).
/// </summary>
internal sealed class CommitMessageTemplate
{
    private const string Field = "spec.git.commit.messageTemplate";
    private const string Fix = "use .AutomationObject, .Values.KEY, .Changed.FileChanges, .Changed.Changes (.OldValue .NewValue .Setter), .Changed.Objects or the legacy .Updated.Images/.Files/.Objects, and the functions listed in docs/configuration.md (Commit message templates)";

    private readonly FluxImageUpdateAutomation automation;
    private readonly GoTemplate template;

    private CommitMessageTemplate(FluxImageUpdateAutomation automation, GoTemplate template)
    {
        this.automation = automation;
        this.template = template;
    }

    /// <summary>The automation's template when it has <c>{{ }}</c> actions; null for none or plain text.</summary>
    /// <exception cref="ConfigurationException">The template does not parse or uses what Tidemark does not support.</exception>
    public static CommitMessageTemplate? From(FluxImageUpdateAutomation? automation)
    {
        if (automation?.MessageTemplate is not { } text || !text.Contains("{{", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            return new CommitMessageTemplate(automation, GoTemplate.Parse(text));
        }
        catch (TemplateException e)
        {
            throw Error(automation, e);
        }
    }

    /// <exception cref="ConfigurationException">Rendering failed, e.g. on a field the data does not have.</exception>
    public string Render(Plan plan)
    {
        try
        {
            return template.Execute(FluxTemplateData.Build(plan, automation));
        }
        catch (TemplateException e)
        {
            throw Error(automation, e);
        }
    }

    private static ConfigurationException Error(FluxImageUpdateAutomation automation, TemplateException e)
    {
        var place = automation.MessageTemplatePlace ?? automation.Place;
        var line = place.Line + e.Action.Line - 1;
        var column = e.Action.Line == 1 ? place.Column + e.Action.Column - 1 : e.Action.Column;
        var message = $"ImageUpdateAutomation {automation.Namespace}/{automation.Name}: the commit message template fails at {e.Action.Text}: {e.Problem}";
        return new ConfigurationException([new ConfigDiagnostic(DiagnosticSeverity.Error, place.File, line, column, Field, message, Fix)]);
    }
}
