namespace IdcAdmin.Core.Aws;

/// <summary>Where the transport tells what it did: operation, status, timing, retries. Never headers, bodies or credentials.</summary>
public interface IAwsCallLog
{
    void Debug(string message);
    /// <summary>Retries and why: what an administrator watching -Verbose should see.</summary>
    void Verbose(string message);
}
