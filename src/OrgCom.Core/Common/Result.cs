namespace OrgCom.Core.Common;

/// <summary>An expected failure, with a message the user reads (Vietnamese) and a stable code tests can match.</summary>
public sealed record Error(string Code, string Message)
{
    public override string ToString() => $"{Code}: {Message}";
}

/// <summary>Outcome of an operation whose failures are part of the rules, not exceptional.</summary>
public readonly record struct Result(Error? Error)
{
    public bool IsSuccess => Error is null;
    public static Result Ok() => new((Error?)null);
    public static Result Fail(Error error) => new(error);
    public static implicit operator Result(Error error) => Fail(error);
}

public readonly record struct Result<T>(T? Value, Error? Error)
{
    public bool IsSuccess => Error is null;
    public static Result<T> Ok(T value) => new(value, null);
    public static Result<T> Fail(Error error) => new(default, error);
    public static implicit operator Result<T>(Error error) => Fail(error);
    public static implicit operator Result<T>(T value) => Ok(value);
}
