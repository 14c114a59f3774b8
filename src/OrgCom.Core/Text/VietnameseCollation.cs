using System.Globalization;

namespace OrgCom.Core.Text;

public static class VietnameseCollation
{
    public static StringComparer Comparer { get; } =
        CultureInfo.GetCultureInfo("vi-VN").CompareInfo.GetStringComparer(CompareOptions.None);

    public static IComparer<PersonName> NameOrder { get; } = new PersonNameComparer();

    private sealed class PersonNameComparer : IComparer<PersonName>
    {
        public int Compare(PersonName? x, PersonName? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            if (x is null)
            {
                return -1;
            }

            if (y is null)
            {
                return 1;
            }

            var result = Comparer.Compare(x.GivenName, y.GivenName);
            if (result == 0)
            {
                result = Comparer.Compare(x.MiddleName, y.MiddleName);
            }

            if (result == 0)
            {
                result = Comparer.Compare(x.FamilyName, y.FamilyName);
            }

            // The culture comparer treats canonically equivalent spellings (NFC vs NFD) as equal; ordinal makes
            // the order total so repeated sorts and paging stay stable.
            return result != 0 ? result : string.CompareOrdinal(x.FullName, y.FullName);
        }
    }
}

public static class VietnameseOrderingExtensions
{
    public static IOrderedEnumerable<T> OrderByVietnameseName<T>(this IEnumerable<T> source, Func<T, PersonName> name) =>
        source.OrderBy(name, VietnameseCollation.NameOrder);
}
