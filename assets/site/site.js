// The page behind the kiosk's QR code. It reads the part of the address after
// '#' (which browsers never send to a server): the visitor's language, left
// out for Dutch, and the ids of the courses they chose, joined by dots:
//   index.html#en.MT-NT2-A1-D.HL-NT2-A2-E   or, in Dutch,   index.html#MT-NT2-A1-D
// Without ids, or with a fragment it cannot read, it shows the whole catalogue.
// The catalogue comes from data-<lang>.js in this folder, loaded by a <script>
// element because browsers refuse fetch() on a page opened from file://.
// Nothing is stored and nothing is sent: no cookies, no storage, no requests
// beyond this folder (the page's Content-Security-Policy forbids them too).
// calendar.js, loaded before this, makes the "add to my calendar" file.
(function () {
  'use strict';

  var LANGUAGE = /^[a-z]{2}$/;
  var COURSE_ID = /^[A-Z0-9][A-Z0-9-]{0,11}$/;
  var meta = document.querySelector('meta[name="kiosk-languages"]');
  var languages = ((meta && meta.content) || 'nl').split(/\s+/).filter(Boolean);
  var sites = {};  // language -> the catalogue of data-<language>.js
  var filters = { sector: '', place: '' };

  // ---- the fragment --------------------------------------------------------

  function readFragment(hash) {
    var text = (hash || '').replace(/^#/, '');
    var parts = text ? text.split('.') : [];
    var language = 'nl';
    if (parts.length && LANGUAGE.test(parts[0])) language = parts.shift();
    var ids = parts.filter(function (p) { return COURSE_ID.test(p); });
    // A fragment with anything else in it was not made by a kiosk: show the catalogue.
    if (ids.length !== parts.length) ids = [];
    if (languages.indexOf(language) < 0) language = 'nl';
    return { language: language, ids: ids };
  }

  function fragmentFor(language, ids) {
    var parts = language === 'nl' ? ids.slice() : [language].concat(ids);
    return '#' + parts.join('.');
  }

  // ---- loading a language's catalogue ---------------------------------------

  function withSite(language, then) {
    if (sites[language]) return then(sites[language]);
    var script = document.createElement('script');
    script.src = 'data-' + language + '.js';
    script.onload = function () {
      sites[language] = window.KIOSK_SITE;
      then(sites[language]);
    };
    script.onerror = function () {
      if (language !== 'nl') withSite('nl', then);
    };
    document.head.appendChild(script);
  }

  // ---- small helpers -------------------------------------------------------

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      var value = attributes[name];
      if (value === undefined || value === null || value === false) return;
      if (name === 'text') node.textContent = value;
      else if (name === 'onclick') node.addEventListener('click', value);
      else if (name === 'onchange') node.addEventListener('change', value);
      else node.setAttribute(name, value === true ? '' : String(value));
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined || child === false) return;
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  function fill(template, values) {
    return String(template || '').replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole;
    });
  }

  function number(value, language) {
    try {
      return new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(value);
    } catch (e) {
      return String(value);
    }
  }

  function money(value, language) {
    var minimum = Math.round(value) === value ? 0 : 2;
    try {
      return new Intl.NumberFormat(language, {
        minimumFractionDigits: minimum, maximumFractionDigits: 2 }).format(value);
    } catch (e) {
      return String(value);
    }
  }

  function parseDay(iso) {
    var p = iso.split('-').map(Number);
    return new Date(p[0], p[1] - 1, p[2]);
  }

  function longDate(iso, language) {
    try {
      return new Intl.DateTimeFormat(language, {
        weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(parseDay(iso));
    } catch (e) {
      return iso;
    }
  }

  function todayIso() {
    var d = new Date();
    var pad = function (n) { return (n < 10 ? '0' : '') + n; };
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
  }

  function upcomingStarts(course) {
    var today = todayIso();
    return (course.starts || []).filter(function (day) { return day >= today; });
  }

  function termText(list, id) {
    for (var i = 0; i < list.length; ++i) if (list[i][0] === id) return list[i][1];
    return id;
  }

  // ---- one course ------------------------------------------------------------

  function fact(title, children, wide) {
    return el('div', { class: wide ? 'fact wide' : 'fact' }, [el('h3', { text: title })].concat(children));
  }

  function whereFact(course, site) {
    var w = site.words;
    if (course.mode === 'online') return fact(w['screen.where'], [el('p', { text: w['receipt.online'] })]);
    var lines = [];
    if (course.address) lines.push(el('p', { text: course.address }));
    lines.push(el('p', { text: [course.postcode, course.place].filter(Boolean).join(' ') }));
    if (course.mode === 'blended') lines.push(el('p', { text: '+ ' + w['receipt.online'] }));
    if (course.lat !== undefined && course.lon !== undefined) {
      var lat = course.lat, lon = course.lon;
      lines.push(el('p', { class: 'links' }, [
        el('a', { href: 'https://www.openstreetmap.org/?mlat=' + lat + '&mlon=' + lon +
          '#map=17/' + lat + '/' + lon, rel: 'noopener noreferrer', text: w['page.map'] }),
        el('a', { href: 'geo:' + lat + ',' + lon + '?z=17', text: w['page.map_app'] })]));
    }
    return fact(w['screen.where'], lines);
  }

  function whenFact(course, site) {
    var w = site.words;
    var language = site.language;
    var lines = [];
    var starts = upcomingStarts(course);
    if (course.any_time) lines.push(el('p', { text: w['receipt.start_any_time'] }));
    if (starts.length) {
      lines.push(el('ul', {}, starts.slice(0, 4).map(function (day) {
        return el('li', {}, [el('time', { datetime: day, text: longDate(day, language) })]);
      })));
    } else if (!course.any_time) {
      lines.push(el('p', { text: w['page.no_dates'] }));
    }
    var times = (course.schedule || []).map(function (s) { return w['screen.' + s]; });
    if (times.length) lines.push(el('p', { text: times.join(', ') }));
    if (starts.length) {
      lines.push(el('div', { class: 'actions' }, [el('button', {
        type: 'button', class: 'button button-secondary calendar', 'data-start': starts[0],
        text: w['page.calendar'],
        onclick: function () { window.KioskCalendar.save(course, starts[0], site.pack.id); } })]));
    }
    return fact(w['screen.when'], lines, true);
  }

  function durationFact(course, site) {
    var w = site.words;
    var hours = number(course.hours, site.language);
    var text = course.weeks === 1 ? fill(w['screen.one_week'], { hours: hours })
      : fill(w['screen.weeks'], { weeks: course.weeks, hours: hours });
    return fact(w['screen.duration'], [el('p', { text: text })]);
  }

  function costFact(course, site) {
    var w = site.words;
    var lines = [el('p', { text: course.cost > 0
      ? fill(w['receipt.cost'], { amount: money(course.cost, site.language) }) : w['receipt.free'] })];
    if ((course.funding || []).length) {
      lines.push(el('p', {}, [el('strong', { text: w['page.who_pays'] + ': ' })]));
      lines.push(el('ul', {}, course.funding.map(function (id) {
        return el('li', { text: termText(site.funding, id) });
      })));
    }
    return fact(w['screen.cost'], lines);
  }

  function enrolFact(course, site) {
    var w = site.words;
    var links = [];
    if (course.enrol_url) {
      links.push(el('a', { href: course.enrol_url, rel: 'noopener noreferrer', class: 'button button-primary',
        text: w['page.enrol_link'] }));
    }
    links.push(el('a', { href: course.url, rel: 'noopener noreferrer',
      class: course.enrol_url ? 'button button-secondary' : 'button button-primary', text: w['page.course_page'] }));
    var contact = [];
    if (course.phone) {
      contact.push(el('a', { href: 'tel:' + course.phone.replace(/[^0-9+]/g, ''),
        text: fill(w['page.call'], { phone: course.phone }) }));
    }
    if (course.email) {
      contact.push(el('a', { href: 'mailto:' + course.email, text: fill(w['page.mail'], { email: course.email }) }));
    }
    var children = [el('div', { class: 'actions' }, links)];
    if (contact.length) children.push(el('p', { class: 'links' }, contact));
    if (course.contact) children.push(el('p', { text: course.contact }));
    return fact(w['page.enrol'], children, true);
  }

  function courseBody(course, site) {
    var w = site.words;
    var textLang = course.text_lang || site.language;
    var facts = [whenFact(course, site), whereFact(course, site), durationFact(course, site),
      costFact(course, site)];
    // A description or list may be translated before the title, or after it.
    if (course.bring) facts.push(fact(w['page.bring'], [el('p', { lang: course.bring_lang || textLang, text: course.bring })]));
    facts.push(enrolFact(course, site));
    var body = [el('p', { class: 'description', lang: course.description_lang || textLang, text: course.description }),
      el('div', { class: 'facts' }, facts)];
    return el('div', { class: 'course-body' }, body);
  }

  function courseHead(course, site, headingTag) {
    var w = site.words;
    var textLang = course.text_lang || site.language;
    return [
      el(headingTag, { class: 'course-title', lang: textLang, text: course.title }),
      course.title_nl ? el('p', { class: 'dutch-title' }, [
        w['receipt.dutch_label'] + ' ', el('bdi', { lang: 'nl', dir: 'ltr', text: course.title_nl })]) : null,
      el('p', { class: 'provider', text: course.provider })];
  }

  function chosenCourse(course, site) {
    return el('article', { class: 'course', 'data-id': course.id }, [
      el('div', { class: 'course-head' }, courseHead(course, site, 'h2')),
      courseBody(course, site)]);
  }

  function goneCourse(id, site) {
    var w = site.words;
    return el('article', { class: 'course gone', 'data-id': id, 'data-gone': true }, [
      el('div', { class: 'course-head' }, [el('h2', { class: 'course-title', text: w['page.gone_title'] })]),
      el('div', { class: 'course-body' }, [el('p', { text: fill(w['page.gone'], { id: id }) })])]);
  }

  // ---- the two views -----------------------------------------------------------

  function showChosen(ids, site) {
    var w = site.words;
    var byId = {};
    site.courses.forEach(function (c) { byId[c.id] = c; });
    var main = [el('h1', { text: w['page.title'] }), el('p', { class: 'intro', text: w['page.intro'] })];
    if (site.pack.sample) main.push(el('p', { class: 'sample', text: w['page.sample'] }));
    var list = el('div', { class: 'chosen' }, ids.map(function (id) {
      return byId[id] ? chosenCourse(byId[id], site) : goneCourse(id, site);
    }));
    main.push(list);
    main.push(el('p', { class: 'more' }, [el('a', { href: fragmentFor(site.language, []),
      text: w['page.all_courses'] })]));
    return main;
  }

  function courseMatches(course) {
    if (filters.sector && (course.sectors || []).indexOf(filters.sector) < 0) return false;
    if (filters.place === '@online') return course.mode !== 'onsite';
    if (filters.place && course.place !== filters.place) return false;
    return true;
  }

  function catalogueItem(course, site) {
    var w = site.words;
    var starts = upcomingStarts(course);
    var when = starts.length ? fill(w['receipt.start'], { date: longDate(starts[0], site.language) })
      : course.any_time ? w['receipt.start_any_time'] : '';
    var where = course.mode === 'online' ? w['receipt.online'] : course.place;
    var summary = el('summary', {}, courseHead(course, site, 'h2').concat([
      el('p', { class: 'summary-line', text: [where, when].filter(Boolean).join(' · ') })]));
    var details = el('details', { class: 'course', 'data-id': course.id }, [summary]);
    // The body is made when opened: 300 courses of detail would slow a cheap phone.
    details.addEventListener('toggle', function () {
      if (details.open && details.children.length === 1) details.appendChild(courseBody(course, site));
    });
    return details;
  }

  function select(id, label, options, value, onchange) {
    return el('div', {}, [
      el('label', { for: id, text: label }),
      el('select', { id: id, onchange: onchange }, options.map(function (o) {
        return el('option', { value: o[0], selected: o[0] === value, text: o[1] });
      }))]);
  }

  function showCatalogue(site) {
    var w = site.words;
    var used = {};
    var places = {};
    var online = false;
    site.courses.forEach(function (c) {
      (c.sectors || []).forEach(function (s) { used[s] = true; });
      if (c.place) places[c.place] = true;
      if (c.mode !== 'onsite') online = true;
    });
    var sectorOptions = [['', w['page.all']]].concat(site.sectors.filter(function (s) { return used[s[0]]; }));
    var placeOptions = [['', w['page.all']]].concat(Object.keys(places).sort(function (a, b) {
      return a.localeCompare(b, site.language);
    }).map(function (p) { return [p, p]; }));
    if (online) placeOptions.push(['@online', w['receipt.online']]);

    var count = el('p', { class: 'count', role: 'status', 'aria-live': 'polite' });
    var list = el('div', { class: 'catalogue' });
    function update() {
      var shown = site.courses.filter(courseMatches);
      shown.sort(function (a, b) { return a.title.localeCompare(b.title, site.language) || (a.id < b.id ? -1 : 1); });
      count.textContent = shown.length ? fill(w['page.count'], { count: shown.length }) : w['page.none_found'];
      list.replaceChildren.apply(list, shown.map(function (c) { return catalogueItem(c, site); }));
    }
    var form = el('form', { class: 'filters', role: 'search', 'aria-label': w['page.catalogue_title'] }, [
      select('filter-sector', w['page.sector'], sectorOptions, filters.sector, function (e) {
        filters.sector = e.target.value; update(); }),
      select('filter-place', w['page.place'], placeOptions, filters.place, function (e) {
        filters.place = e.target.value; update(); })]);
    form.addEventListener('submit', function (e) { e.preventDefault(); });
    update();
    var main = [el('h1', { text: w['page.catalogue_title'] }),
      el('p', { class: 'intro', text: w['page.catalogue_intro'] })];
    if (site.pack.sample) main.push(el('p', { class: 'sample', text: w['page.sample'] }));
    return main.concat([form, count, list]);
  }

  // ---- the frame around both -----------------------------------------------------

  function languageLinks(site, ids) {
    var nav = document.getElementById('languages');
    nav.setAttribute('aria-label', site.words['page.other_language']);
    nav.replaceChildren.apply(nav, site.pack.languages.map(function (l) {
      return el('a', { href: fragmentFor(l[0], ids), lang: l[0], hreflang: l[0],
        'aria-current': l[0] === site.language ? 'true' : null, text: l[1] });
    }));
  }

  function render() {
    var wanted = readFragment(location.hash);
    withSite(wanted.language, function (site) {
      var root = document.documentElement;
      root.lang = site.language;
      root.dir = site.dir;
      document.title = (wanted.ids.length ? site.words['page.title'] : site.words['page.catalogue_title']) +
        ' · ' + site.pack.name;
      document.getElementById('pack-name').textContent = site.pack.name;
      languageLinks(site, wanted.ids);
      var main = document.getElementById('content');
      main.replaceChildren.apply(main, wanted.ids.length ? showChosen(wanted.ids, site) : showCatalogue(site));
      var footer = document.getElementById('footer');
      footer.replaceChildren(el('p', { text: site.words['page.privacy'] }),
        el('p', { text: site.pack.name + ' · ' + site.pack.version }));
      root.setAttribute('data-ready', wanted.ids.length ? 'chosen' : 'catalogue');
      window.scrollTo(0, 0);
    });
  }

  window.addEventListener('hashchange', render);
  render();
}());
