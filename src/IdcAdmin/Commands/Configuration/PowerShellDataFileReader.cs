using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation.Language;
using IdcAdmin.Core.Configuration;

namespace IdcAdmin.Commands.Configuration;

/// <summary>
/// Reads a .psd1 configuration as PowerShell reads data files (Import-PowerShellDataFile): parsed, never run. The
/// one table must pass PowerShell's own safe-value check (no commands, no expressions); the walk then keeps each
/// value's line for the engine's messages.
/// </summary>
internal static class PowerShellDataFileReader
{
    public static ConfigurationNode Read(string file, List<ConfigurationProblem> problems)
    {
        var ast = Parser.ParseFile(file, out _, out var errors);
        foreach (var e in errors) problems.Add(new ConfigurationProblem(file, e.Extent.StartLineNumber, "", e.Message));
        var empty = ConfigurationNode.Map(1, Array.Empty<KeyValuePair<string, ConfigurationNode>>());
        if (errors.Length > 0) return empty;

        var statements = ast.EndBlock?.Statements ?? (IReadOnlyList<StatementAst>)Array.Empty<StatementAst>();
        var table = statements.Count == 1 ? Expression(statements[0]) as HashtableAst : null;
        if (table == null || ast.BeginBlock != null || ast.ProcessBlock != null || ast.ParamBlock != null)
        {
            problems.Add(new ConfigurationProblem(file, statements.Count > 0 ? statements[0].Extent.StartLineNumber : 1, "",
                "A configuration data file holds exactly one table: @{ Users = ...; Groups = ...; PermissionSets = ...; Assignments = ... }."));
            return empty;
        }
        try
        {
            table.SafeGetValue();
        }
        catch (InvalidOperationException e)
        {
            // PowerShell's data-file rule; the walk below names the offending line.
            var before = problems.Count;
            var node = Walk(table, "", file, problems);
            if (problems.Count == before) problems.Add(new ConfigurationProblem(file, table.Extent.StartLineNumber, "", e.Message));
            return node;
        }
        return Walk(table, "", file, problems);
    }

    private static ExpressionAst? Expression(StatementAst statement) =>
        statement is PipelineAst { PipelineElements.Count: 1 } p && p.PipelineElements[0] is CommandExpressionAst c ? c.Expression : null;

    private static ConfigurationNode Walk(Ast ast, string path, string file, List<ConfigurationProblem> problems)
    {
        var line = ast.Extent.StartLineNumber;
        switch (ast)
        {
            case HashtableAst h:
                var entries = new List<KeyValuePair<string, ConfigurationNode>>();
                foreach (var pair in h.KeyValuePairs)
                {
                    var key = pair.Item1 is StringConstantExpressionAst s ? s.Value : pair.Item1 is ConstantExpressionAst k ? Convert.ToString(k.Value, System.Globalization.CultureInfo.InvariantCulture) : null;
                    if (key == null)
                    {
                        problems.Add(new ConfigurationProblem(file, pair.Item1.Extent.StartLineNumber, path, $"A key must be a name or quoted text; '{pair.Item1.Extent.Text}' is an expression."));
                        continue;
                    }
                    var childPath = path.Length == 0 ? key : path + "." + key;
                    var value = pair.Item2 is StatementAst st && Expression(st) is { } e ? (Ast)e : pair.Item2;
                    entries.Add(new KeyValuePair<string, ConfigurationNode>(key, Walk(value, childPath, file, problems)));
                }
                return ConfigurationNode.Map(line, entries);
            case ArrayLiteralAst a:
                return ConfigurationNode.List(line, a.Elements.Select((e, i) => Walk(e, $"{path}[{i}]", file, problems)));
            case ArrayExpressionAst a:
                var items = new List<Ast>();
                foreach (var st in a.SubExpression.Statements)
                {
                    var e = Expression(st);
                    if (e is ArrayLiteralAst inner) items.AddRange(inner.Elements);
                    else items.Add((Ast?)e ?? st);
                }
                return ConfigurationNode.List(line, items.Select((e, i) => Walk(e, $"{path}[{i}]", file, problems)));
            case StringConstantExpressionAst s:
                return ConfigurationNode.Scalar(line, s.Value);
            case ExpandableStringExpressionAst x when x.NestedExpressions.Count == 0:
                return ConfigurationNode.Scalar(line, x.Value);
            case ConstantExpressionAst c:
                return ConfigurationNode.Scalar(line, c.Value);
            case VariableExpressionAst v when v.VariablePath.UserPath.Equals("true", StringComparison.OrdinalIgnoreCase):
                return ConfigurationNode.Scalar(line, true);
            case VariableExpressionAst v when v.VariablePath.UserPath.Equals("false", StringComparison.OrdinalIgnoreCase):
                return ConfigurationNode.Scalar(line, false);
            case VariableExpressionAst v when v.VariablePath.UserPath.Equals("null", StringComparison.OrdinalIgnoreCase):
                return ConfigurationNode.Scalar(line, null);
            default:
                problems.Add(new ConfigurationProblem(file, line, path,
                    $"'{Shorten(ast.Extent.Text)}' is code; a configuration data file holds only literal values (text, numbers, $true/$false/$null, @( ) lists and @{{ }} tables), and nothing in it runs."));
                return ConfigurationNode.Scalar(line, null);
        }
    }

    private static string Shorten(string text)
    {
        var flat = text.Replace("\r", " ").Replace("\n", " ");
        return flat.Length <= 40 ? flat : flat.Substring(0, 37) + "...";
    }
}
