// "Add to my calendar" on the page behind the QR code: an iCalendar file
// (RFC 5545) for the start of a course, made on the phone and handed to it as
// a download, which phones open in their calendar app. Nothing is sent.
window.KioskCalendar = (function () {
  'use strict';

  function pad(n) { return (n < 10 ? '0' : '') + n; }

  function compact(iso) { return iso.replace(/-/g, ''); }

  // The day after an ISO day: an all-day event ends there (DTEND is exclusive).
  function dayAfter(iso) {
    var p = iso.split('-').map(Number);
    var next = new Date(p[0], p[1] - 1, p[2] + 1);
    return '' + next.getFullYear() + pad(next.getMonth() + 1) + pad(next.getDate());
  }

  function text(value) {
    return String(value).replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,')
      .replace(/\r?\n/g, '\\n');
  }

  // Lines of at most 75 octets, continued on the next with a space; never cut
  // inside a UTF-8 character.
  function fold(line) {
    var encoder = new TextEncoder();
    var out = [];
    var current = '';
    var octets = 0;
    Array.from(line).forEach(function (ch) {
      var size = encoder.encode(ch).length;
      if (octets + size > 75) {
        out.push(current);
        current = ' ';
        octets = 1;
      }
      current += ch;
      octets += size;
    });
    out.push(current);
    return out.join('\r\n');
  }

  function icsFor(course, day, packId) {
    var stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
    var where = [course.address, [course.postcode, course.place].filter(Boolean).join(' ')]
      .filter(Boolean).join(', ');
    var about = [course.provider, course.enrol_url || course.url, course.phone, course.email]
      .filter(Boolean).join('\n');
    var lines = [
      'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//' + text(packId) + '//course page//NL',
      'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', 'BEGIN:VEVENT',
      'UID:' + course.id + '-' + compact(day) + '@' + packId,
      'DTSTAMP:' + stamp,
      'DTSTART;VALUE=DATE:' + compact(day),
      'DTEND;VALUE=DATE:' + dayAfter(day),
      'SUMMARY:' + text(course.title),
      where ? 'LOCATION:' + text(where) : null,
      'DESCRIPTION:' + text(about),
      'URL:' + (course.enrol_url || course.url),
      'END:VEVENT', 'END:VCALENDAR'];
    return lines.filter(Boolean).map(fold).join('\r\n') + '\r\n';
  }

  function save(course, day, packId) {
    var blob = new Blob([icsFor(course, day, packId)], { type: 'text/calendar;charset=utf-8' });
    var link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = course.id + '.ics';
    document.body.appendChild(link);
    link.click();
    setTimeout(function () {
      URL.revokeObjectURL(link.href);
      link.remove();
    }, 1000);
  }

  return { icsFor: icsFor, save: save };
}());
