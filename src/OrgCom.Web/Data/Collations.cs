namespace OrgCom.Web.Data;

public static class Collations
{
    /// <summary>ICU Vietnamese collation, predefined by PostgreSQL built with ICU: <c>Dương</c> sorts before <c>Đặng</c>.</summary>
    public const string Vietnamese = "vi-VN-x-icu";
}
