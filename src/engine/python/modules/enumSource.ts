/**
 * enum as Python (Lib/enum.py is pure Python): written for Highwater from what the 3.11 module
 * does, never copied. EnumType is a metaclass, which the simulator does not run in general: its
 * __new__ (`_hw_build`: the members taken out of the namespace, auto() values generated, the
 * class made by type(), then each member made with object.__new__ and given _value_, _name_,
 * __objclass__ and _sort_order_, set on the class and recorded in _member_names_, _member_map_
 * and _value2member_map_), __iter__ (a generator over _member_names_), __len__, __getitem__ and
 * __repr__ are called through classhooks.ts; Enum(value) goes through Enum.__new__ as in the real
 * module. Names from elsewhere: `_hw_unsupported`, `_hw_is_descriptor`. IntEnum, StrEnum, Flag and IntFlag are
 * not modelled (their members are ints or strs).
 */
export const ENUM_SOURCE = `
class auto:
    def __init__(self, value=None):
        self.value = value

    def __repr__(self):
        return "auto(%r)" % self.value


def _is_dunder(name):
    return (len(name) > 4 and name[:2] == name[-2:] == '__' and
            name[2] != '_' and name[-3] != '_')


def _is_sunder(name):
    return (len(name) > 2 and name[0] == name[-1] == '_' and
            name[1:2] != '_' and name[-2:-1] != '_')


def _is_descriptor(obj):
    # hasattr(obj, '__get__') or '__set__' or '__delete__': the type's descriptor slots
    return _hw_is_descriptor(obj)


def _hw_build(cls_name, bases, classdict):
    member_names = []
    last_values = []
    for key in list(classdict):
        value = classdict[key]
        if _is_dunder(key) or _is_sunder(key) or _is_descriptor(value):
            continue
        if key in member_names:
            raise TypeError(f'{key!r} already defined as {classdict[key]!r}')
        if isinstance(value, auto):
            if value.value is None:
                value.value = _generate_next_value_(key, 1, len(member_names), last_values[:])
            value = value.value
            classdict[key] = value
        member_names.append(key)
        last_values.append(value)
    members = {}
    for name in member_names:
        members[name] = classdict[name]
        del classdict[name]
    classdict['_member_names_'] = []
    classdict['_member_map_'] = {}
    classdict['_value2member_map_'] = {}
    classdict['_unhashable_values_'] = []
    enum_class = type(cls_name, bases, classdict)
    for name, value in members.items():
        member = object.__new__(enum_class)
        member._value_ = value
        member._name_ = name
        member.__objclass__ = enum_class
        member._sort_order_ = len(enum_class._member_names_)
        setattr(enum_class, name, member)
        enum_class._member_names_.append(name)
        enum_class._member_map_[name] = member
        try:
            enum_class._value2member_map_.setdefault(value, member)
        except TypeError:
            enum_class._unhashable_values_.append(value)
    return enum_class


def _generate_next_value_(name, start, count, last_values):
    if not last_values:
        return start
    try:
        last_value = sorted(last_values).pop()
    except TypeError:
        raise TypeError('unable to sort non-numeric values') from None
    try:
        return last_value + 1
    except TypeError:
        raise TypeError('unable to increment %r' % (last_value, )) from None


def _hw_iter(cls):
    return (cls._member_map_[name] for name in cls._member_names_)


def _hw_len(cls):
    return len(cls._member_names_)


def _hw_getitem(cls, name):
    return cls._member_map_[name]


def _hw_repr(cls):
    return "<enum %r>" % cls.__name__


class Enum:
    def __new__(cls, value):
        if type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for member in cls._member_map_.values():
                if member._value_ == value:
                    return member
        raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))

    def __init__(self, *args, **kwds):
        pass

    def __repr__(self):
        return "<%s.%s: %r>" % (self.__class__.__name__, self._name_, self._value_)

    def __str__(self):
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_, )

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_


def unique(enumeration):
    duplicates = []
    for name, member in enumeration._member_map_.items():
        if name != member.name:
            duplicates.append((name, member.name))
    if duplicates:
        alias_details = ', '.join(["%s -> %s" % (alias, name) for (alias, name) in duplicates])
        raise ValueError('duplicate values found in %r: %s' % (enumeration, alias_details))
    return enumeration
`;
