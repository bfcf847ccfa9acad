using System.Diagnostics;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Tidemark.Automation;
using Tidemark.Manifests;

namespace Tidemark.Tests;

/// <summary>
/// STYLE §5: the pure core takes values and returns values. No field, parameter or return type in these parts
/// is an HTTP client, stream, file, process, clock or logger; I/O lives at the edges.
/// </summary>
public sealed class PurityTests
{
    private static readonly Type[] Banned =
    [
        typeof(HttpClient), typeof(Stream), typeof(File), typeof(FileSystemInfo), typeof(Directory),
        typeof(Process), typeof(TimeProvider), typeof(ILogger),
    ];

    private static readonly Type[] PureAutomation =
        [typeof(ReferenceBinder), typeof(Decider), typeof(LockstepGroups), typeof(EditStage), typeof(PlanBuilder), typeof(UnifiedDiff), typeof(ResolvedPolicy),
         typeof(FluxTemplateData), typeof(CommitMessageTemplate), typeof(ObjectIdentity)];

    public static TheoryData<string> PureParts => ["Tidemark.Images", "Tidemark.Versions", "Tidemark.Manifests", "Tidemark.Templating", "Tidemark.Automation (deciding)"];

    [Theory]
    [MemberData(nameof(PureParts))]
    public void PurePart_NoMemberSignature_UsesIoClockOrLogger(string part)
    {
        var types = TypesOf(part);

        Assert.True(types.Count >= Math.Min(PureAutomation.Length, 5), $"{part}: expected its types to be found");
        var offenders = types.SelectMany(t => SignatureTypes(t).Where(IsBanned).Select(b => $"{t.FullName} uses {b.Name}")).ToList();
        Assert.Empty(offenders);
    }

    [Theory]
    [InlineData(typeof(HttpClient), true)]
    [InlineData(typeof(MemoryStream), true)]
    [InlineData(typeof(FileInfo), true)]
    [InlineData(typeof(TimeProvider), true)]
    [InlineData(typeof(ILogger<string>), true)]
    [InlineData(typeof(List<Process>), true)]
    [InlineData(typeof(Func<string, string>), false)]
    [InlineData(typeof(string), false)]
    public void IsBanned_KnownTypes_AreRecognised(Type type, bool expected)
    {
        Assert.Equal(expected, IsBanned(type));
    }

    private static List<Type> TypesOf(string part)
    {
        var all = typeof(SpanEditor).Assembly.GetTypes();
        return part switch
        {
            "Tidemark.Automation (deciding)" => [.. all.Where(t => PureAutomation.Contains(t) || PureAutomation.Contains(t.DeclaringType))],
            "Tidemark.Manifests" => [.. all.Where(t => t.Namespace?.StartsWith(part, StringComparison.Ordinal) == true && t != typeof(RepositoryWalker) && t.DeclaringType != typeof(RepositoryWalker))],
            _ => [.. all.Where(t => t.Namespace?.StartsWith(part, StringComparison.Ordinal) == true)],
        };
    }

    private static IEnumerable<Type> SignatureTypes(Type type)
    {
        const BindingFlags All = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        foreach (var field in type.GetFields(All))
        {
            yield return field.FieldType;
        }
        foreach (var method in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
        {
            foreach (var parameter in method.GetParameters())
            {
                yield return parameter.ParameterType;
            }
            if (method is MethodInfo info)
            {
                yield return info.ReturnType;
            }
        }
    }

    private static bool IsBanned(Type type)
    {
        if (type.HasElementType)
        {
            return IsBanned(type.GetElementType()!);
        }
        if (type.IsGenericType && type.GetGenericArguments().Any(IsBanned))
        {
            return true;
        }
        return Banned.Any(b => b.IsAssignableFrom(type));
    }
}
