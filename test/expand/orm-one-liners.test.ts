// SQL sent from inline interpreter code (ruby/php/perl as well as python), framework runners
// (`rails runner`, `rails console`, `manage.py shell`, `artisan tinker`) read as inline code, and
// ORM bulk calls handed on as the SQL or mongosh code they amount to.
import { describe, expect, it } from 'vitest';
import { expand } from '../../src/expand/index.js';
import { parse } from '../../src/parse/index.js';
import { evaluate } from '../../src/pipeline.js';

const HOME = '/home/agent';

const decide = (command: string) => evaluate({ command, cwd: '/work/project' }, { home: HOME });
const executed = (command: string) =>
  expand(parse(command), { cwd: '/work/project', home: HOME, readFile: () => undefined, parse: (t) => parse(t) }).commands.map((c) => c.argv.join(' '));

describe('SQL sent through a connection from inline code', () => {
  it.each([
    [`ruby -e 'require "pg"; PG.connect(ENV["DATABASE_URL"]).exec("DROP SCHEMA public CASCADE")'`, 'database.sql.drop-database'],
    [`php -r '$db = new PDO(getenv("DSN")); $db->exec("DROP TABLE users");'`, 'database.sql.drop-table'],
    [`perl -MDBI -e 'DBI->connect($ENV{DSN})->do("TRUNCATE orders")'`, 'database.sql.truncate'],
    [`python3 -c 'import psycopg2; psycopg2.connect("").cursor().execute("DROP TABLE users")'`, 'database.sql.drop-table'],
    [`ruby -e 'conn = PG.connect(dbname: "app"); conn.exec "TRUNCATE users"'`, 'database.sql.truncate'],
    [`ruby -e 'ActiveRecord::Base.connection.exec_query("DELETE FROM sessions")'`, 'database.sql.delete-all-rows'],
    [`php -r '$pdo = new PDO("sqlite:db.sqlite"); $pdo->query("DELETE FROM users");'`, 'database.sql.delete-all-rows'],
    [`php -r 'mysqli_query($conn, "DROP TABLE users");'`, 'database.sql.drop-table'],
    [`perl -MDBI -e 'my $dbh = DBI->connect("dbi:Pg:"); $dbh->do(q{DROP TABLE users})'`, 'database.sql.drop-table'],
    [`perl -e '$dbh->prepare("DELETE FROM users")->execute()'`, 'database.sql.delete-all-rows'],
    [`node -e "new Database('app.db').exec('DROP TABLE users')"`, 'database.sql.drop-table'],
    [`node -e 'prisma.$executeRaw\`TRUNCATE users\`'`, 'database.sql.truncate'],
    [`python -c "from sqlalchemy import text; engine.connect().execute(text('DROP TABLE users'))"`, 'database.sql.drop-table'],
  ])('%s', (command, rule) => {
    const result = decide(command);
    expect(result.decision).toBe('confirm');
    expect(result.findings.map((f) => f.rule)).toContain(rule);
  });

  it('a bare exec/system still runs a shell command; a method exec with SQL is SQL', () => {
    expect(executed(`ruby -e 'exec("rm -rf /srv/data")'`)).toContain('rm -rf /srv/data');
    expect(executed(`php -r 'exec("rm -rf /srv/data");'`)).toContain('rm -rf /srv/data');
    expect(executed(`ruby -e 'PG.connect.exec("DROP TABLE users")'`)).toContain('psql -c DROP TABLE users');
    expect(executed(`ruby -e 'PG.connect.exec("DROP TABLE users")'`)).not.toContain('DROP TABLE users');
    expect(executed(`php -r '$db->exec("TRUNCATE users");'`)).toContain('psql -c TRUNCATE users');
    expect(decide(`ruby -e 'exec("rm -rf /srv/data")'`).decision).toBe('confirm');
    expect(decide(`ruby -e 'Kernel.system("rm -rf /srv/data")'`).decision).toBe('confirm');
  });

  it.each([
    `php -r '$db->exec("SELECT 1");'`,
    `ruby -e 'puts "DROP TABLE users"'`,
    `python -c 'print("DELETE FROM users")'`,
    `python -c 'import logging; logging.info("DROP TABLE x")'`,
    `perl -e '$dbh->do("DELETE FROM sessions WHERE id = 5")'`,
    `ruby -e 'system("ls")'`,
    `node -e "knex('users').where({ id: 1 }).del()"`,
    `python -c "d = {'a': 1}; del(d['a'])"`,
  ])('allows %s', (command) => {
    expect(decide(command).decision).toBe('allow');
  });
});

describe('framework runners run code of their language', () => {
  it.each([
    [`bin/rails runner 'User.delete_all'`, 'psql -c DELETE FROM users'],
    [`rails r 'Order.destroy_all'`, 'psql -c DELETE FROM orders'],
    [`bundle exec rails runner "ActiveRecord::Base.connection.execute('TRUNCATE users')"`, 'psql -c TRUNCATE users'],
    [`bundle exec rails runner -e production 'User.delete_all'`, 'psql -c DELETE FROM users'],
    [`echo 'User.delete_all' | rails console`, 'psql -c DELETE FROM users'],
    [`echo 'User.delete_all' | bin/rails c -e production`, 'psql -c DELETE FROM users'],
    [`python manage.py shell -c "from app.models import Order; Order.objects.all().delete()"`, 'psql -c DELETE FROM "order"'],
    [`echo "User.objects.all().delete()" | python manage.py shell`, 'psql -c DELETE FROM "user"'],
    [`./manage.py shell --command="Order.objects.all().delete()"`, 'psql -c DELETE FROM "order"'],
    [`php artisan tinker --execute="App\\\\Models\\\\User::truncate()"`, 'psql -c TRUNCATE users'],
    [`echo 'User::truncate();' | php artisan tinker`, 'psql -c TRUNCATE users'],
    [`./vendor/bin/sail artisan tinker --execute="User::truncate()"`, 'psql -c TRUNCATE users'],
  ])('%s runs %s', (command, want) => {
    expect(executed(command)).toContain(want);
  });

  it('leaves the rest of the runner to the rule packs', () => {
    expect(executed('bin/rails runner script/cleanup.rb')).toEqual(['bin/rails runner script/cleanup.rb']);
    expect(executed('python manage.py flush --noinput')).toEqual(['python manage.py flush --noinput']);
    expect(decide('python manage.py flush --noinput').decision).toBe('confirm');
    expect(decide('php artisan migrate:fresh --force').decision).toBe('confirm');
    expect(decide('./vendor/bin/sail artisan migrate:refresh --seed').decision).toBe('confirm');
  });
});

describe('ORM bulk deletes, updates, truncates and drops', () => {
  it.each([
    // Active Record / Sequel
    `bin/rails runner 'User.delete_all'`,
    `RAILS_ENV=production bin/rails runner "User.delete_all"`,
    `rails r 'Order.destroy_all'`,
    `bundle exec bin/rails r "Admin::AuditLog.unscoped.delete_all"`,
    `bundle exec rails runner -e production 'Order.all.destroy_all'`,
    `rails runner 'User.update_all(active: false)'`,
    `rails runner 'User.update_all active: false'`,
    `rails runner 'User.find_each(&:destroy)'`,
    `rails runner 'User.all.each { |u| u.destroy }'`,
    `rails runner 'User.where(nil).delete_all'`,
    `rails runner "User.in_batches(of: 1000).delete_all"`,
    `rails runner "ActiveRecord::Base.connection.drop_table(:users)"`,
    `rails runner 'Rake::Task["db:drop"].invoke'`,
    `printf 'User.delete_all\\n' | bundle exec rails c`,
    `bin/rails console -e production <<< 'Order.destroy_all'`,
    "bin/rails c <<'RUBY'\nOrder.destroy_all\nRUBY",
    `heroku run rails runner 'User.delete_all' -a myapp`,
    `docker compose exec web bin/rails runner 'User.delete_all'`,
    `ruby -e 'DB = Sequel.connect(ENV["DATABASE_URL"]); DB[:users].delete'`,
    // Django / SQLAlchemy
    `python manage.py shell -c "from app.models import Order; Order.objects.all().delete()"`,
    `python3 manage.py shell -c 'Order.objects.delete()'`,
    `./manage.py shell --command "Order.objects.update(status='x')"`,
    `python manage.py shell -c "Order.objects.all().update(status='x')"`,
    `python manage.py shell -c "from django.db import connection; connection.cursor().execute('TRUNCATE orders')"`,
    `python manage.py shell -c "from django.core.management import call_command; call_command('flush', interactive=False)"`,
    `echo 'from app.models import User; User.objects.all().delete()' | python3 ./manage.py shell`,
    "python manage.py shell <<'PY'\nfrom app.models import User\nUser.objects.all().delete()\nPY",
    `uv run python manage.py shell -c "User.objects.all().delete()"`,
    `python -c "session.query(User).delete(); session.commit()"`,
    `python -c "from app import db; db.drop_all()"`,
    // Laravel
    `php artisan tinker --execute="App\\\\Models\\\\User::truncate()"`,
    `php artisan tinker --execute 'User::query()->delete()'`,
    `php artisan tinker --execute="DB::table('users')->delete()"`,
    `php artisan tinker --execute="DB::table('orders')->truncate()"`,
    `php artisan tinker --execute='\\App\\Models\\Order::query()->update(["status" => "x"])'`,
    `php artisan tinker --execute="DB::statement('DROP TABLE orders')"`,
    `php artisan tinker --execute="Schema::dropIfExists('orders')"`,
    `php artisan tinker --execute="App\\Models\\User::all()->each->delete()"`,
    `php artisan tinker --execute="Artisan::call('migrate:fresh', ['--force' => true])"`,
    `sail tinker --execute="User::truncate()"`,
    // Node: Prisma, Mongoose / driver, Sequelize, Knex, TypeORM
    `node -e "const {PrismaClient}=require('@prisma/client'); new PrismaClient().user.deleteMany()"`,
    `node -e "const {PrismaClient}=require('@prisma/client'); new PrismaClient().user.deleteMany({})"`,
    `node -e 'new PrismaClient().user.deleteMany({ where: {} })'`,
    `node -e 'prisma.user.updateMany({ data: { active: false } })'`,
    `node -e "const User = require('./models/user'); User.deleteMany({}).then(() => process.exit())"`,
    `node -e "db.collection('users').deleteMany({})"`,
    `node -e "mongoose.connection.dropCollection('users')"`,
    `node -e "User.destroy({ truncate: true })"`,
    `node -e "sequelize.sync({ force: true })"`,
    `node -e "knex('users').del().then(() => process.exit())"`,
    `node -e "knex.schema.dropTable('users')"`,
    `node -e "AppDataSource.getRepository(User).clear()"`,
  ])('confirms %s', (command) => {
    const result = decide(command);
    expect(result.decision).toBe('confirm');
    expect(result.findings.every((f) => f.rule.startsWith('database.') || f.rule.startsWith('orm.'))).toBe(true);
  });

  it.each([
    `bin/rails runner 'User.where(id: 5).delete_all'`,
    `rails runner 'User.where("created_at < ?", 30.days.ago).delete_all'`,
    `rails runner 'User.where(id: 1).update_all(active: false)'`,
    `rails runner 'Session.expired.delete_all'`,
    `rails runner 'User.find(5).destroy'`,
    `rails runner 'user = User.find(5); user.posts.delete_all'`,
    `rails runner 'User.find_by(email: "a@b.c")&.destroy'`,
    `rails runner 'puts User.count'`,
    `bin/rails runner script/cleanup.rb`,
    `echo 'User.count' | rails c`,
    `rails console -e production`,
    `bin/rails db:migrate:status`,
    `python manage.py shell -c "Order.objects.filter(pk=1).delete()"`,
    `python manage.py shell -c "Order.objects.filter(created__lt=cutoff).delete()"`,
    `python manage.py shell -c "Order.objects.get(pk=1).delete()"`,
    `python manage.py shell -c "Order.objects.filter(status='stale').update(status='archived')"`,
    `python manage.py shell -c "print(Order.objects.count())"`,
    `echo "print(User.objects.count())" | python manage.py shell`,
    `python manage.py shell`,
    `python manage.py showmigrations`,
    `python -c "session.query(User).filter(User.id == 5).delete()"`,
    `php artisan tinker --execute="User::where('id', 5)->delete()"`,
    `php artisan tinker --execute="User::find(5)->delete()"`,
    `php artisan tinker --execute="User::destroy(5)"`,
    `php artisan tinker --execute="DB::table('users')->where('id', 5)->delete()"`,
    `php artisan tinker --execute="User::count()"`,
    `php artisan tinker`,
    `php artisan migrate:status`,
    `node -e "const {PrismaClient}=require('@prisma/client'); new PrismaClient().user.deleteMany({ where: { id: 1 } })"`,
    `node -e "prisma.user.updateMany({ where: { id: 1 }, data: { active: false } })"`,
    `node -e "prisma.user.findMany()"`,
    `node -e "User.deleteMany({ _id: id })"`,
    `node -e "User.destroy({ where: { id: 1 } })"`,
    `node -e "const m = new Map(); m.delete('x'); m.clear()"`,
    `echo "User.delete_all" > cleanup.rb`,
  ])('allows %s', (command) => {
    expect(decide(command).decision).toBe('allow');
  });

  it('words the finding as the SQL the call amounts to', () => {
    const finding = decide(`bin/rails runner 'User.delete_all'`).findings[0];
    expect(finding).toMatchObject({ rule: 'database.sql.delete-all-rows', target: 'users', command: `psql -c 'DELETE FROM users'` });
    expect(decide(`php artisan tinker --execute="DB::table('orders')->truncate()"`).findings[0]).toMatchObject({ rule: 'database.sql.truncate', target: 'orders' });
  });
});

describe('shell calls and SQL calls stay apart, in bounded time', () => {
  const held = (command: string) => evaluate({ command, cwd: '/work/project' }, { home: '/home/agent' }).decision;

  it.each([
    `python3 -c 'import subprocess; subprocess.run("begin; rm -rf /srv/data", shell=True)'`,
    `node -e 'require("child_process").exec("update; rm -rf /srv/data")'`,
    `python3 -c 'import os; os.system("select 1; rm -rf /srv/data")'`,
    // os/subprocess under other names.
    `python3 -c '__import__("os").system("rm -rf /srv/data")'`,
    `python3 -c 'import os as o; o.system("rm -rf /srv/data")'`,
    `python3 -c 'from os import system; system("rm -rf /srv/data")'`,
    `python3 -c 'from subprocess import check_output as co; co("rm -rf /srv/data", shell=True)'`,
    `python3 -c 'import sys, subprocess as sp; sp.call(["rm", "-rf", "/srv/data"])'`,
  ])('a module shell call (whatever its text looks like, under whatever name) is a shell: %s', (command) => {
    expect(held(command)).not.toBe('allow');
  });

  it.each([`python3 -c 'import asyncio; asyncio.run(main())'`, `python3 -c 'from app import run; run()'`, `python3 -c 'import os; print(os.getcwd())'`])('%s runs no command', (command) => {
    expect(held(command)).toBe('allow');
  });

  it('deeply nested calls are read in bounded time', () => {
    const nested = (open: string, close: string, n: number) => open.repeat(n) + close.repeat(n);
    for (const command of [`python3 -c '${nested('run("x", ', ')', 20_000)}'; rm -rf /srv/data`, `php -r '${nested('DB::statement(', ')', 20_000)};'`]) {
      const start = performance.now();
      const decision = held(command);
      expect(performance.now() - start).toBeLessThan(1500);
      if (command.includes('rm -rf')) expect(decision).not.toBe('allow');
    }
  });
});
