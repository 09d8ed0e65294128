using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace IdcAdmin.HelpGen;

/// <summary>Reads the cmdlets of an assembly and writes their MAML help file.</summary>
public static class HelpGenerator
{
    public sealed record Result(int CommandCount, IReadOnlyList<string> Gaps);

    public static Result Generate(string assemblyPath, string outputPath, string aboutTopic)
    {
        using var reader = new CmdletReader(assemblyPath);
        var commands = reader.ReadCommands().Where(c => c.IsPublic && !c.IsAbstract).ToList();
        var docs = new XmlDocumentation(Path.GetDirectoryName(reader.AssemblyPath)!);
        var maml = new MamlWriter(docs, aboutTopic).Write(commands);
        Directory.CreateDirectory(Path.GetDirectoryName(outputPath)!);
        maml.Save(outputPath);
        return new Result(commands.Count, Gaps(commands, docs).ToList());
    }

    /// <summary>What the help lacks: a cmdlet without synopsis or example, a parameter without description.</summary>
    public static IEnumerable<string> Gaps(IEnumerable<CommandModel> commands, XmlDocumentation docs)
    {
        foreach (var c in commands)
        {
            var doc = docs.Read(c.AssemblyName, c.DocId);
            if (doc.Summary.Count == 0) yield return $"{c.Name}: no <summary> on {c.TypeFullName}";
            if (doc.Examples.Count == 0) yield return $"{c.Name}: no <example> on {c.TypeFullName}";
            foreach (var p in c.Parameters.Where(p => docs.Read(p.DeclaringAssemblyName, p.DocId).Summary.Count == 0))
                yield return $"{c.Name}: no <summary> on parameter {p.Name}";
        }
    }
}
