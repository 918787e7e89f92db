// A script the server tests serve from the embedded assets.
document.getElementById('app').dataset.ready = 'yes';
