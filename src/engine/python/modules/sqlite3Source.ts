/**
 * sqlite3's Python face (Lib/sqlite3/dbapi2.py and _sqlite3's Connection, Cursor and Row, 3.11),
 * written for Highwater from what the module does, not copied. The real Connection, Cursor and Row
 * are C types; here they are slotted classes of the same sizes where it matters (a Row is a GC
 * object holding the description and the row's tuple: 16 + 2 × 8 bytes, as _sqlite3's), over the
 * `_hw_` helpers of sqlite3.ts, which keep SQLite's side: the databases, the prepared statements
 * (CPython's 128-entry cache) and SQLite's own glibc memory (pages, journal, statements).
 * Behaviour as 3.11's: isolation_level '' opens a transaction before INSERT/UPDATE/DELETE/REPLACE,
 * commit() ends it, `with con:` commits or rolls back (it does not close), executemany() takes only
 * DML, executescript() commits first, fetchone/fetchmany(arraysize)/fetchall/iteration, the
 * cursor's row_factory taken from the connection's when the cursor is made.
 */
export const SQLITE3_SOURCE = String.raw`
apilevel = '2.0'
paramstyle = 'qmark'
threadsafety = 3
version = '2.6.0'
version_info = (2, 6, 0)
sqlite_version = '3.40.1'
sqlite_version_info = (3, 40, 1)
PARSE_DECLTYPES = 1
PARSE_COLNAMES = 2

class Warning(Exception):
    pass

class Error(Exception):
    pass

class InterfaceError(Error):
    pass

class DatabaseError(Error):
    pass

class DataError(DatabaseError):
    pass

class OperationalError(DatabaseError):
    pass

class IntegrityError(DatabaseError):
    pass

class InternalError(DatabaseError):
    pass

class ProgrammingError(DatabaseError):
    pass

class NotSupportedError(DatabaseError):
    pass

for _c in (Warning, Error, InterfaceError, DatabaseError, DataError, OperationalError,
           IntegrityError, InternalError, ProgrammingError, NotSupportedError):
    _c.__module__ = 'sqlite3'
del _c


class Row:
    __slots__ = ('_hw_description', '_hw_data')

    def __init__(self, cursor, data):
        self._hw_description = cursor.description
        self._hw_data = data

    def keys(self):
        return [d[0] for d in self._hw_description]

    def __len__(self):
        return len(self._hw_data)

    def __iter__(self):
        return iter(self._hw_data)

    def __getitem__(self, key):
        if type(key) is str:
            low = key.lower()
            i = 0
            for d in self._hw_description:
                if d[0].lower() == low:
                    return self._hw_data[i]
                i += 1
            raise IndexError('No item with that key')
        return self._hw_data[key]

    def __eq__(self, other):
        if not isinstance(other, Row):
            return NotImplemented
        return self._hw_description == other._hw_description and self._hw_data == other._hw_data

    def __ne__(self, other):
        if not isinstance(other, Row):
            return NotImplemented
        return not self.__eq__(other)

    def __hash__(self):
        return hash(self._hw_description) ^ hash(self._hw_data)

Row.__module__ = 'sqlite3'


class Cursor:
    __slots__ = ('connection', 'description', 'rowcount', 'lastrowid', 'arraysize',
                 'row_factory', '_hw_pending', '_hw_closed', '__weakref__')

    def __init__(self, connection):
        self.connection = connection
        self.description = None
        self.rowcount = -1
        self.lastrowid = None
        self.arraysize = 1
        self.row_factory = None
        self._hw_pending = None
        self._hw_closed = False

    def _hw_check(self):
        if self._hw_closed:
            raise ProgrammingError('Cannot operate on a closed cursor.')

    def execute(self, sql, parameters=()):
        self._hw_check()
        if type(sql) is not str:
            raise TypeError("execute() argument 1 must be str, not %s" % type(sql).__name__)
        con = self.connection
        self._hw_pending = None
        self.description, self.rowcount, self.lastrowid, self._hw_pending = _hw_execute(
            con._hw_db, sql, parameters, con.isolation_level)
        return self

    def executemany(self, sql, seq_of_parameters):
        self._hw_check()
        con = self.connection
        self._hw_pending = None
        self.description = None
        self.rowcount = _hw_executemany(con._hw_db, sql, seq_of_parameters, con.isolation_level)
        return self

    def executescript(self, sql_script):
        self._hw_check()
        self._hw_pending = None
        _hw_script(self.connection._hw_db, sql_script)
        return self

    def fetchone(self):
        self._hw_check()
        return _hw_fetch(self._hw_pending, -2, self.row_factory, self)

    def fetchmany(self, size=None):
        self._hw_check()
        if size is None:
            size = self.arraysize
        return _hw_fetch(self._hw_pending, size if size >= 0 else -1, self.row_factory, self)

    def fetchall(self):
        self._hw_check()
        return _hw_fetch(self._hw_pending, -1, self.row_factory, self)

    def __iter__(self):
        return self

    def __next__(self):
        self._hw_check()
        row = _hw_fetch(self._hw_pending, -2, self.row_factory, self)
        if row is None:
            raise StopIteration
        return row

    def close(self):
        self._hw_pending = None
        self._hw_closed = True

    def setinputsizes(self, sizes):
        pass

    def setoutputsize(self, size, column=None):
        pass

Cursor.__module__ = 'sqlite3'


class Connection:
    __slots__ = ('_hw_db', 'isolation_level', 'row_factory', 'text_factory', '__weakref__')

    def __init__(self, database, timeout=5.0, detect_types=0, isolation_level='',
                 check_same_thread=True, factory=None, cached_statements=128, uri=False):
        if detect_types:
            _hw_unsupported('sqlite3 detect_types (converters)')
        if uri:
            _hw_unsupported('sqlite3 uri=True')
        self._hw_db = _hw_connect(database, cached_statements)
        self.isolation_level = isolation_level
        self.row_factory = None
        self.text_factory = str

    def cursor(self, factory=None):
        cur = (Cursor if factory is None else factory)(self)
        if self.row_factory is not None:
            cur.row_factory = self.row_factory
        return cur

    def execute(self, sql, parameters=()):
        return self.cursor().execute(sql, parameters)

    def executemany(self, sql, parameters):
        return self.cursor().executemany(sql, parameters)

    def executescript(self, sql_script):
        return self.cursor().executescript(sql_script)

    def commit(self):
        _hw_end(self._hw_db, 'commit')

    def rollback(self):
        _hw_end(self._hw_db, 'rollback')

    def close(self):
        _hw_end(self._hw_db, 'close')

    @property
    def total_changes(self):
        return _hw_state(self._hw_db)[0]

    @property
    def in_transaction(self):
        return _hw_state(self._hw_db)[1]

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.commit()
        else:
            self.rollback()
        return False

    def create_function(self, *args, **kwargs):
        _hw_unsupported('sqlite3 create_function (Python functions called by SQL)')

    def create_aggregate(self, *args, **kwargs):
        _hw_unsupported('sqlite3 create_aggregate')

    def iterdump(self):
        _hw_unsupported('sqlite3 Connection.iterdump')

    def backup(self, *args, **kwargs):
        _hw_unsupported('sqlite3 Connection.backup')

    def set_trace_callback(self, callback):
        _hw_unsupported('sqlite3 set_trace_callback')

Connection.__module__ = 'sqlite3'


def connect(database, timeout=5.0, detect_types=0, isolation_level='', check_same_thread=True,
            factory=None, cached_statements=128, uri=False):
    cls = Connection if factory is None else factory
    return cls(database, timeout, detect_types, isolation_level, check_same_thread, None,
               cached_statements, uri)


def register_adapter(type, adapter):
    _hw_unsupported('sqlite3 adapters')


def register_converter(name, converter):
    _hw_unsupported('sqlite3 converters')


def complete_statement(statement):
    return statement.rstrip().endswith(';')

Binary = memoryview
`;
