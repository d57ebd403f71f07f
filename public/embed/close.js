setTimeout(() => {
  window.close();
}, 800);
