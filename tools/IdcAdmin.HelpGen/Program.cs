using System;
using System.IO;
using System.Linq;
using IdcAdmin.HelpGen;

// Usage: IdcAdmin.HelpGen <cmdlet assembly> <output MAML file> [about topic name]
// Reads the XML doc files that sit next to the assembly (GenerateDocumentationFile).
if (args.Length < 2)
{
    Console.Error.WriteLine("Usage: IdcAdmin.HelpGen <cmdlet assembly.dll> <output -Help.xml> [about_Topic]");
    return 2;
}
var assemblyPath = Path.GetFullPath(args[0]);
var output = Path.GetFullPath(args[1]);
var about = args.Length > 2 ? args[2] : "about_" + Path.GetFileNameWithoutExtension(assemblyPath);
try
{
    var result = HelpGenerator.Generate(assemblyPath, output, about);
    foreach (var gap in result.Gaps) Console.Error.WriteLine("warning: " + gap);
    Console.WriteLine($"Wrote help for {result.CommandCount} cmdlets to {output}");
    return 0;
}
catch (Exception e) when (e is IOException or FileNotFoundException or BadImageFormatException or UnauthorizedAccessException)
{
    Console.Error.WriteLine("error: " + e.Message);
    return 1;
}
