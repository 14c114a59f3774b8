namespace OrgCom.Core.Geography;

public enum AdministrativeLevel
{
    Province,
    District,
    Commune,
}

/// <summary>A province, district or commune from the official lists (reference data, see Data/Reference/README.md).</summary>
public sealed class AdministrativeUnit
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string FullName { get; init; }

    /// <summary>Tỉnh, Thành phố trực thuộc trung ương, Xã, Phường, Đặc khu, Huyện, ...</summary>
    public required string Type { get; init; }

    public required AdministrativeLevel Level { get; init; }
    public string? ProvinceCode { get; init; }
    public string? DistrictCode { get; init; }

    /// <summary>First day the unit existed in this form; null when it predates the data.</summary>
    public DateOnly? ValidFrom { get; init; }

    /// <summary>First day the unit no longer existed (e.g. 01/07/2025 for the pre-reform units).</summary>
    public DateOnly? ValidTo { get; init; }
}
