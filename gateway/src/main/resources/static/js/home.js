/* The home page: the navigation bar (no inline script: the Content-Security-Policy allows none). */
'use strict';

Clinic.nav('home');
